import { describe, expect, it } from "vitest";
import { parsePublicEnv } from "../lib/public-env";

describe("parsePublicEnv", () => {
  it("defaults to the demo project on the emulators", () => {
    expect(parsePublicEnv({})).toEqual({
      firebase: {
        projectId: "demo-hearth",
        apiKey: "demo-api-key",
        authDomain: "demo-hearth.firebaseapp.com",
        storageBucket: "demo-hearth.appspot.com",
      },
      useEmulators: true,
      emulatorHosts: {
        firestore: "127.0.0.1:8080",
        auth: "127.0.0.1:9099",
        storage: "127.0.0.1:9199",
        functions: "127.0.0.1:5001",
      },
    });
  });

  it("reads a real project, treating empty values as unset and trimming text", () => {
    const env = parsePublicEnv({
      NEXT_PUBLIC_FIREBASE_PROJECT_ID: " shop-prod ",
      NEXT_PUBLIC_FIREBASE_API_KEY: "key",
      NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: "",
      NEXT_PUBLIC_FIREBASE_APP_ID: "1:2:web:3",
      NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: "",
    });
    expect(env.firebase).toEqual({
      projectId: "shop-prod",
      apiKey: "key",
      authDomain: "shop-prod.firebaseapp.com",
      storageBucket: "shop-prod.appspot.com",
      appId: "1:2:web:3",
    });
    expect(env.useEmulators).toBe(false);
    expect(env.emulatorHosts.firestore).toBe("127.0.0.1:8080");
  });

  it("reads the emulator flag and hosts", () => {
    const env = parsePublicEnv({
      NEXT_PUBLIC_USE_EMULATORS: "0",
      NEXT_PUBLIC_AUTH_EMULATOR_HOST: "localhost:12099",
    });
    expect(env.useEmulators).toBe(false);
    expect(env.emulatorHosts.auth).toBe("localhost:12099");
    expect(parsePublicEnv({ NEXT_PUBLIC_USE_EMULATORS: "true" }).useEmulators).toBe(true);
  });

  it("names every bad variable in one error", () => {
    expect(() =>
      parsePublicEnv({
        NEXT_PUBLIC_FIREBASE_PROJECT_ID: "shop-prod",
        NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: "   ",
        NEXT_PUBLIC_USE_EMULATORS: "yes",
        NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: "http://127.0.0.1:8080",
      }),
    ).toThrow(
      [
        "Invalid public environment:",
        "  NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: must not be blank",
        '  NEXT_PUBLIC_USE_EMULATORS: expected one of "true", "false", "1", "0"',
        "  NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: Expected host:port, e.g. 127.0.0.1:8080",
        "  NEXT_PUBLIC_FIREBASE_API_KEY: is required unless the project is a demo-* emulator project",
      ].join("\n"),
    );
  });
});
