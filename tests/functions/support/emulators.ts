/** Emulator hosts come from the env that `firebase emulators:exec` sets; nothing is hard-coded. */
export const E2E_PROJECT = "demo-hearth";
/** Tests that call handlers directly use their own project so the Functions emulator stays out. */
export const SAGA_PROJECT = "demo-hearth-saga";
export const REGION = "us-central1";

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through emulators:exec`);
  return value;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what} failed: ${response.status} ${await response.text()}`);
}

export async function clearFirestore(projectId: string): Promise<void> {
  const host = requireEnv("FIRESTORE_EMULATOR_HOST");
  const url = `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  await expectOk(await fetch(url, { method: "DELETE" }), "Clearing Firestore");
}

export async function clearAuth(projectId: string): Promise<void> {
  const host = requireEnv("FIREBASE_AUTH_EMULATOR_HOST");
  const url = `http://${host}/emulator/v1/projects/${projectId}/accounts`;
  await expectOk(await fetch(url, { method: "DELETE" }), "Clearing Auth");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

let functionsOrigin: Promise<string> | undefined;

/** The Functions emulator's origin, as listed by the emulator hub (FIREBASE_EMULATOR_HUB). */
export function getFunctionsOrigin(): Promise<string> {
  functionsOrigin ??= (async () => {
    const hub = requireEnv("FIREBASE_EMULATOR_HUB");
    const response = await fetch(`http://${hub}/emulators`);
    await expectOk(response, "Listing emulators");
    const listing: unknown = await response.json();
    const functions = isRecord(listing) ? listing.functions : undefined;
    if (!isRecord(functions) || typeof functions.host !== "string" || typeof functions.port !== "number") {
      throw new Error("The Functions emulator is not running");
    }
    return `http://${functions.host}:${functions.port}`;
  })();
  return functionsOrigin;
}

export async function functionUrl(name: string): Promise<string> {
  return `${await getFunctionsOrigin()}/${E2E_PROJECT}/${REGION}/${name}`;
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/** Polls until `probe` returns a value (not null/undefined/false); the trigger results arrive asynchronously. */
export async function waitFor<T>(
  label: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 100 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
