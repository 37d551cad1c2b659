import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The README's "Going to production" is the checklist a shop owner follows once; these checks keep
// it in step with the code, so a new secret or webhook event cannot ship undocumented.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const production = readme.slice(readme.indexOf("## Going to production"), readme.indexOf("## Runbook"));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith(".ts") ? [readFileSync(full, "utf8")] : [];
  });
}

const functionsSource = sources(path.join(root, "functions/src")).join("\n");
const secrets = [...functionsSource.matchAll(/defineSecret\("([A-Z0-9_]+)"\)/g)].map((match) => match[1]);
const webhookEvents = [
  ...readFileSync(path.join(root, "functions/src/payments/payment-events.ts"), "utf8").matchAll(
    /"((?:checkout\.session|payment_intent|charge)\.[a-z_.]+)"/g,
  ),
].map((match) => match[1]);

describe('the README\'s "Going to production"', () => {
  it("has both sections, in order", () => {
    expect(readme.indexOf("## Going to production")).toBeGreaterThan(0);
    expect(readme.indexOf("## Runbook")).toBeGreaterThan(readme.indexOf("## Going to production"));
  });

  it.each(secrets)("gives the command that sets the functions' secret %s", (secret) => {
    expect(production).toContain(`functions:secrets:set ${secret} --project <project-id>`);
  });

  it("subscribes the Stripe endpoint to every event the webhook handles", () => {
    expect(webhookEvents.length).toBeGreaterThan(3);
    for (const type of new Set(webhookEvents)) {
      expect(production).toContain(`-d "enabled_events[]=${type}"`);
    }
  });

  it("points the endpoint at the deployed webhook function", () => {
    expect(functionsSource).toMatch(/export const paymentWebhook = onRequest/);
    expect(production).toContain("https://us-central1-<project-id>.cloudfunctions.net/paymentWebhook");
    expect(functionsSource).toContain('REGION = "us-central1"');
  });
});
