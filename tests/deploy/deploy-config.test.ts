import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appHostingEnvProblems, deployConfig, deployTarget, root } from "../../scripts/deploy-config";

const functionsConfigSchema = z.array(z.object({ source: z.string(), ignore: z.array(z.string()) }));
type ReaddirRecursive = (options: { path: string; ignore: string[] }) => Promise<{ name: string }[]>;

// The listing firebase-tools zips for a functions upload (deploy/functions/prepareFunctionsUpload.js).
const { readdirRecursive: listUpload } = z
  .object({ readdirRecursive: z.custom<ReaddirRecursive>((value) => typeof value === "function") })
  .parse(createRequire(import.meta.url)("firebase-tools/lib/fsAsync.js"));

async function firebaseJson(): Promise<Record<string, unknown>> {
  return z
    .record(z.string(), z.unknown())
    .parse(JSON.parse(await readFile(path.join(root, "firebase.json"), "utf8")));
}

describe("what `firebase deploy` uploads for the functions", () => {
  let dir: string;
  const files = [
    "package.json",
    "lib/index.js",
    "src/index.ts",
    "node_modules/stripe/index.js",
    ".env",
    ".env.my-shop",
    ".env.demo-hearth",
    ".env.local",
    ".secret.local",
  ];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hearth-upload-"));
    for (const file of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "x");
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("leaves out the emulators' secrets and env files, and keeps a project's own env", async () => {
    const [functions] = functionsConfigSchema.parse((await firebaseJson()).functions);
    const ignore = [...(functions?.ignore ?? []), "firebase-debug.log", "firebase-debug.*.log"];

    const uploaded = (await listUpload({ path: dir, ignore })).map((file) => path.relative(dir, file.name));

    expect(uploaded.sort()).toEqual([".env", ".env.my-shop", "lib/index.js", "package.json"]);
  });
});

describe("the extensions that deploy installs", () => {
  it("keeps the Trigger Email manifest out of firebase.json, where the emulators would fetch it", async () => {
    expect(await firebaseJson()).not.toHaveProperty("extensions");
    const config = deployConfig();
    expect(config.extensions).toEqual({
      "firestore-send-email": expect.stringMatching(/^firebase\/firestore-send-email@\d+\.\d+\.\d+$/),
    });
    expect(config.firestore).toEqual((await firebaseJson()).firestore);
  });

  it("reads the mail collection the functions write, and commits no SMTP secret", async () => {
    const env = await readFile(path.join(root, "extensions/firestore-send-email.env"), "utf8");
    const params = Object.fromEntries(
      env
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("#"))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(params.MAIL_COLLECTION).toBe("mail");
    expect(params.SMTP_PASSWORD).toMatch(
      /^projects\/\$\{param:PROJECT_ID\}\/secrets\/[^/]+\/versions\/latest$/,
    );
    expect(params).not.toHaveProperty("SMTP_CONNECTION_URI");
  });
});

describe("which deploys build the storefront, and for which project", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hearth-deploy-target-"));
    await writeFile(path.join(dir, "firebase.json"), JSON.stringify({ functions: [], apphosting: {} }));
    await writeFile(
      path.join(dir, ".firebaserc"),
      JSON.stringify({ projects: { default: "demo-hearth", prod: "my-shop" } }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads the project as firebase-tools does, aliases included, and never guesses one", () => {
    expect(deployTarget(["--project", "prod"], dir)).toEqual({ projectId: "my-shop", appHosting: true });
    expect(deployTarget(["--project=other-shop"], dir).projectId).toBe("other-shop");
    expect(deployTarget(["-P", "prod", "--force"], dir).projectId).toBe("my-shop");
    // The active project (`firebase use`) is not in the repository: the check asks for --project.
    expect(deployTarget([], dir).projectId).toBeUndefined();
  });

  it("checks the storefront only when it is deployed", () => {
    expect(deployTarget(["--only", "functions,firestore"], dir).appHosting).toBe(false);
    expect(deployTarget(["--only", "functions,apphosting"], dir).appHosting).toBe(true);
    expect(deployTarget(["--only=apphosting:hearth-web"], dir).appHosting).toBe(true);
    expect(deployTarget(["--except", "apphosting"], dir).appHosting).toBe(false);
  });

  it("refuses placeholders and an env that would build the storefront for the emulators", () => {
    const env = [
      { variable: "NEXT_PUBLIC_FIREBASE_PROJECT_ID", value: "my-shop" },
      { variable: "NEXT_PUBLIC_FIREBASE_API_KEY", value: "key", availability: ["RUNTIME" as const] },
      { variable: "NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST", value: "127.0.0.1:8080" },
      { variable: "NEXT_PUBLIC_USE_EMULATORS", value: "true" },
    ];
    expect(appHostingEnvProblems(env, "my-shop")).toEqual([
      "NEXT_PUBLIC_FIREBASE_API_KEY must be available at BUILD: next build inlines it",
      "NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST points the storefront at an emulator: remove it",
      "NEXT_PUBLIC_USE_EMULATORS is true: the storefront would look for emulators",
    ]);
    expect(
      appHostingEnvProblems(
        [
          { variable: "NEXT_PUBLIC_FIREBASE_PROJECT_ID", value: "<project-id>" },
          { variable: "NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN", value: "<project-id>.firebaseapp.com" },
        ],
        "my-shop",
      ),
    ).toEqual([
      "NEXT_PUBLIC_FIREBASE_PROJECT_ID still holds the placeholder <project-id>",
      "NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN still holds the placeholder <project-id>.firebaseapp.com",
    ]);
    expect(appHostingEnvProblems([], "my-shop")).toEqual([
      "NEXT_PUBLIC_FIREBASE_PROJECT_ID needs a plain value: the project the storefront talks to",
    ]);
  });
});
