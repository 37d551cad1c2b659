// The configuration `npm run deploy` hands to `firebase deploy`: firebase.json plus the extensions
// in extensions/manifest.json, which stay out of firebase.json so the emulators never see them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Beside firebase.json: firebase-tools resolves sources and extensions/ from the config's folder. */
export const DEPLOY_CONFIG = "firebase.deploy.json";

function readJson(dir: string, name: string): Record<string, unknown> {
  const value: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${name} must hold a JSON object`);
  }
  return { ...value };
}

export function deployConfig(dir = root): Record<string, unknown> {
  return { ...readJson(dir, "firebase.json"), extensions: readJson(dir, "extensions/manifest.json") };
}
