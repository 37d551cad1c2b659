/** The demo project the emulators run; `demo-*` ids never reach production. */
export const PROJECT_ID = "demo-hearth";

type EmulatorVariable =
  "FIRESTORE_EMULATOR_HOST" | "FIREBASE_AUTH_EMULATOR_HOST" | "FIREBASE_STORAGE_EMULATOR_HOST";

/** host:port of a running emulator, as set by `firebase emulators:exec`. */
export function emulatorHost(variable: EmulatorVariable): string {
  const host = process.env[variable];
  if (!host) {
    throw new Error(
      `${variable} is not set: run e2e tests inside the emulators, e.g. ` +
        `node tools/emulators/firebase.mjs emulators:exec --only auth,firestore,storage,functions "npx vitest run --project e2e"`,
    );
  }
  return host;
}

/** Deletes every Firestore document in the project through the emulator's REST endpoint. */
export async function clearFirestore(): Promise<void> {
  const host = emulatorHost("FIRESTORE_EMULATOR_HOST");
  const response = await fetch(
    `http://${host}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`,
    { method: "DELETE" },
  );
  if (!response.ok) {
    throw new Error(`Clearing Firestore failed: ${response.status} ${await response.text()}`);
  }
}
