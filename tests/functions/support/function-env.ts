import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** KEY=VALUE lines of a functions env/secret file (comments and blanks skipped). */
export function readFunctionsFile(name: string): Record<string, string> {
  const text = readFileSync(fileURLToPath(new URL(`../../../functions/${name}`, import.meta.url)), "utf8");
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const at = line.indexOf("=");
      return [line.slice(0, at), line.slice(at + 1)] as const;
    });
  return Object.fromEntries(entries);
}

/** The same fixed dev secret the Functions emulator reads from functions/.secret.local. */
export function webhookSecret(): string {
  const secret = readFunctionsFile(".secret.local").STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new Error("functions/.secret.local has no STRIPE_WEBHOOK_SECRET");
  return secret;
}
