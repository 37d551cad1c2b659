// Emulator addresses and rule loading, shared by the test files and the coverage gate
// (which runs in vitest's main process, so nothing here may use the test API).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Its own project id keeps these tests apart from the functions' triggers on demo-hearth.
export const PROJECT_ID = "demo-hearth-rules";
export const BUCKET = `${PROJECT_ID}.appspot.com`;

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface HostAndPort {
  host: string;
  port: number;
}

export function emulatorHost(
  variable: "FIRESTORE_EMULATOR_HOST" | "FIREBASE_STORAGE_EMULATOR_HOST",
): HostAndPort {
  const value = process.env[variable];
  if (!value) {
    throw new Error(
      `${variable} is not set: run the rules tests through the emulator wrapper (npm run test:rules)`,
    );
  }
  const url = new URL(`http://${value}`);
  return { host: url.hostname, port: Number(url.port) };
}

export function emulatorUrl(variable: Parameters<typeof emulatorHost>[0], pathname: string): string {
  const { host, port } = emulatorHost(variable);
  return `http://${host}:${port}${pathname}`;
}

export function readRules(file: "firestore.rules" | "storage.rules"): string {
  return readFileSync(path.join(rootDir, file), "utf8");
}

async function put(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Loading rules at ${url} failed: ${await response.text()}`);
}

/**
 * Loads both rule files once per run. Loading Firestore rules resets the emulator's rule
 * coverage, so the test files connect without rules of their own.
 */
export async function loadRules(): Promise<void> {
  await put(emulatorUrl("FIRESTORE_EMULATOR_HOST", `/emulator/v1/projects/${PROJECT_ID}:securityRules`), {
    rules: { files: [{ content: readRules("firestore.rules") }] },
  });
  await put(emulatorUrl("FIREBASE_STORAGE_EMULATOR_HOST", "/internal/setRules"), {
    rules: { files: [{ name: "storage.rules", content: readRules("storage.rules") }] },
  });
}
