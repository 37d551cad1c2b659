/**
 * The public half of the environment: the only module that reads NEXT_PUBLIC_* variables.
 * lib/env.ts (the server's half, with zod) re-exports everything here, so server code keeps one
 * import; browser code imports this module, which has no dependencies, so the browser's Firebase
 * modules do not ship a validation library (zod alone is ~32 kB compressed).
 *
 * NEXT_PUBLIC_* values are inlined by `next build` (only where referenced literally, hence the
 * object at the bottom) and so are frozen at build time, in the browser and on the server alike.
 * Emulator rule: the browser uses NEXT_PUBLIC_*_EMULATOR_HOST; the server prefers the standard
 * runtime variables that `firebase emulators:exec` sets (see serverEmulatorTargets in lib/env.ts).
 */

const DEFAULT_PROJECT_ID = "demo-hearth";
const HOST = /^[\w.-]+:\d{1,5}$/;

/** demo-* projects exist only in the emulators. */
export function isDemoProject(projectId: string | undefined): boolean {
  return (projectId ?? DEFAULT_PROJECT_ID).startsWith("demo-");
}

export type FirebaseWebConfig = {
  projectId: string;
  apiKey: string;
  authDomain: string;
  storageBucket: string;
  appId?: string;
};

export type PublicEnv = {
  firebase: FirebaseWebConfig;
  useEmulators: boolean;
  emulatorHosts: { firestore: string; auth: string; storage: string; functions: string };
};
export type EmulatorService = keyof PublicEnv["emulatorHosts"];
/** Per service: the emulator's host:port, or null to use production Firebase. */
export type EmulatorTargets = Record<EmulatorService, string | null>;

type PublicName =
  | "NEXT_PUBLIC_FIREBASE_PROJECT_ID"
  | "NEXT_PUBLIC_FIREBASE_API_KEY"
  | "NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN"
  | "NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET"
  | "NEXT_PUBLIC_FIREBASE_APP_ID"
  | "NEXT_PUBLIC_USE_EMULATORS"
  | "NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST"
  | "NEXT_PUBLIC_AUTH_EMULATOR_HOST"
  | "NEXT_PUBLIC_STORAGE_EMULATOR_HOST"
  | "NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST";
export type RawPublicEnv = Partial<Record<PublicName, string>>;

/**
 * Checks and completes the public variables; throws one error naming every bad variable. The rules
 * are few and fixed, so they are written out here rather than in a schema: unset or "" means
 * unset; text is trimmed and must not be blank; hosts are host:port; flags are true/false/1/0; the
 * API key is required unless the project is a demo-* emulator project.
 */
export function parsePublicEnv(raw: RawPublicEnv): PublicEnv {
  const problems: string[] = [];
  const given = (name: keyof RawPublicEnv) => {
    const value = raw[name];
    return value === undefined || value === "" ? undefined : value;
  };
  const text = (name: keyof RawPublicEnv) => {
    const value = given(name)?.trim();
    if (value === "") problems.push(`${name}: must not be blank`);
    return value || undefined;
  };
  const host = (name: keyof RawPublicEnv) => {
    const value = given(name);
    if (value !== undefined && !HOST.test(value)) {
      problems.push(`${name}: Expected host:port, e.g. 127.0.0.1:8080`);
    }
    return value;
  };
  const flag = (name: keyof RawPublicEnv) => {
    const value = given(name);
    if (value === undefined) return undefined;
    if (!["true", "false", "1", "0"].includes(value)) {
      problems.push(`${name}: expected one of "true", "false", "1", "0"`);
    }
    return value === "true" || value === "1";
  };

  const projectId = text("NEXT_PUBLIC_FIREBASE_PROJECT_ID") ?? DEFAULT_PROJECT_ID;
  const apiKey = text("NEXT_PUBLIC_FIREBASE_API_KEY");
  const authDomain = text("NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN");
  const storageBucket = text("NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET");
  const appId = text("NEXT_PUBLIC_FIREBASE_APP_ID");
  const useEmulators = flag("NEXT_PUBLIC_USE_EMULATORS");
  const hosts = {
    firestore: host("NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST") ?? "127.0.0.1:8080",
    auth: host("NEXT_PUBLIC_AUTH_EMULATOR_HOST") ?? "127.0.0.1:9099",
    storage: host("NEXT_PUBLIC_STORAGE_EMULATOR_HOST") ?? "127.0.0.1:9199",
    functions: host("NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST") ?? "127.0.0.1:5001",
  };
  if (!isDemoProject(projectId) && apiKey === undefined) {
    problems.push(
      "NEXT_PUBLIC_FIREBASE_API_KEY: is required unless the project is a demo-* emulator project",
    );
  }
  if (problems.length > 0) {
    throw new Error(`Invalid public environment:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
  }
  return {
    firebase: {
      projectId,
      apiKey: apiKey ?? "demo-api-key",
      authDomain: authDomain ?? `${projectId}.firebaseapp.com`,
      storageBucket: storageBucket ?? `${projectId}.appspot.com`,
      ...(appId ? { appId } : {}),
    },
    useEmulators: useEmulators ?? isDemoProject(projectId),
    emulatorHosts: hosts,
  };
}

export const publicEnv: PublicEnv = parsePublicEnv({
  NEXT_PUBLIC_FIREBASE_PROJECT_ID: process.env.NEXT_PUBLIC_FIREBASE_PROJECT_ID,
  NEXT_PUBLIC_FIREBASE_API_KEY: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,
  NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: process.env.NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN,
  NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET: process.env.NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET,
  NEXT_PUBLIC_FIREBASE_APP_ID: process.env.NEXT_PUBLIC_FIREBASE_APP_ID,
  NEXT_PUBLIC_USE_EMULATORS: process.env.NEXT_PUBLIC_USE_EMULATORS,
  NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: process.env.NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST,
  NEXT_PUBLIC_AUTH_EMULATOR_HOST: process.env.NEXT_PUBLIC_AUTH_EMULATOR_HOST,
  NEXT_PUBLIC_STORAGE_EMULATOR_HOST: process.env.NEXT_PUBLIC_STORAGE_EMULATOR_HOST,
  NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST: process.env.NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST,
});

/** Where the browser SDK connects: fixed at build time. */
export function browserEmulatorTargets(): EmulatorTargets {
  const { useEmulators, emulatorHosts } = publicEnv;
  return {
    firestore: useEmulators ? emulatorHosts.firestore : null,
    auth: useEmulators ? emulatorHosts.auth : null,
    storage: useEmulators ? emulatorHosts.storage : null,
    functions: useEmulators ? emulatorHosts.functions : null,
  };
}

/** "127.0.0.1:8080" -> { host: "127.0.0.1", port: 8080 } (hosts are validated above). */
export function splitHost(hostAndPort: string): { host: string; port: number } {
  const separator = hostAndPort.lastIndexOf(":");
  return {
    host: hostAndPort.slice(0, separator),
    port: Number(hostAndPort.slice(separator + 1)),
  };
}
