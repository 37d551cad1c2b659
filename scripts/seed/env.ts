import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_PROJECT_ID = "demo-hearth";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const emulatorVars = {
  firestore: "FIRESTORE_EMULATOR_HOST",
  auth: "FIREBASE_AUTH_EMULATOR_HOST",
  storage: "FIREBASE_STORAGE_EMULATOR_HOST",
} as const;
type EmulatorName = keyof typeof emulatorVars;

export interface EmulatorTarget {
  projectId: string;
  bucket: string;
  hosts: Record<EmulatorName, string>;
}

/** A problem with where the script would write, reported to the user without a stack trace. */
export class TargetError extends Error {}

export function isDemoProject(projectId: string): boolean {
  return projectId.startsWith("demo-");
}

export function defaultBucket(projectId: string): string {
  return `${projectId}.appspot.com`;
}

/** The host of an emulator as `npm run dev` runs it: firebase.json's, shifted like tools/emulators does for HEARTH_PORT_OFFSET. */
function defaultHost(name: EmulatorName | "hub"): string {
  const config: unknown = JSON.parse(fs.readFileSync(path.join(root, "firebase.json"), "utf8"));
  const offset = Number(process.env.HEARTH_PORT_OFFSET ?? 0) || 0;
  const emulators = (config as { emulators?: Record<string, { host?: string; port?: number }> }).emulators;
  const entry = emulators?.[name];
  if (!entry?.port) throw new Error(`firebase.json has no emulators.${name}.port`);
  return `${entry.host ?? "127.0.0.1"}:${entry.port + offset}`;
}

function defaultHosts(): Record<EmulatorName, string> {
  return { firestore: defaultHost("firestore"), auth: defaultHost("auth"), storage: defaultHost("storage") };
}

/**
 * Points the Admin SDK at the emulators and refuses anything that could reach a real project:
 * a `demo-` project gets firebase.json's emulator hosts where none are set (demo projects never
 * talk to production), any other project must already have every emulator variable set.
 */
export function useEmulators(projectId = process.env.GCLOUD_PROJECT ?? DEFAULT_PROJECT_ID): EmulatorTarget {
  const missing = Object.values(emulatorVars).filter((name) => !process.env[name]);
  if (missing.length > 0 && !isDemoProject(projectId)) {
    throw new TargetError(
      `Refusing to touch project "${projectId}": it is not a demo- project and ${missing.join(", ")} ` +
        `${missing.length === 1 ? "is" : "are"} not set. Run against the emulators ` +
        `(npm run dev, or firebase emulators:exec) or use a demo- project id.`,
    );
  }
  const defaults = missing.length > 0 ? defaultHosts() : null;
  const hosts = {} as Record<EmulatorName, string>;
  for (const [name, variable] of Object.entries(emulatorVars) as [EmulatorName, string][]) {
    const host = process.env[variable] ?? defaults?.[name];
    if (!host) throw new TargetError(`${variable} is not set`);
    process.env[variable] = host;
    hosts[name] = host;
  }
  // @google-cloud/storage reads this one; keep it in step with the Firebase variable.
  process.env.STORAGE_EMULATOR_HOST = `http://${hosts.storage}`;
  process.env.GCLOUD_PROJECT = projectId;
  return { projectId, bucket: defaultBucket(projectId), hosts };
}

/** Fails fast with a readable message instead of the SDKs' long retries when nothing is listening. */
export async function assertEmulatorsRunning(
  target: EmulatorTarget,
  needed: readonly EmulatorName[] = ["firestore", "auth", "storage"],
): Promise<void> {
  const down: string[] = [];
  await Promise.all(
    needed.map(async (name) => {
      const host = target.hosts[name];
      try {
        await fetch(`http://${host}/`, { signal: AbortSignal.timeout(3000) });
      } catch {
        down.push(`${name} (${host})`);
      }
    }),
  );
  if (down.length > 0) {
    throw new TargetError(
      `No emulator answers at ${down.join(", ")}. Start them first (npm run dev), or run inside ` +
        `firebase emulators:exec.`,
    );
  }
}

/**
 * Whether the Functions emulator runs beside the others, as the emulator hub lists them
 * (FIREBASE_EMULATOR_HUB inside emulators:exec, else firebase.json's hub port); null when the hub
 * does not answer, and it is not known.
 */
export async function functionsEmulatorRunning(): Promise<boolean | null> {
  const hub = process.env.FIREBASE_EMULATOR_HUB ?? defaultHost("hub");
  try {
    const response = await fetch(`http://${hub}/emulators`, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) return null;
    const running: unknown = await response.json();
    return typeof running === "object" && running !== null && "functions" in running;
  } catch {
    return null;
  }
}
