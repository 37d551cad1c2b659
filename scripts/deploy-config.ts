// The configuration `npm run deploy` hands to `firebase deploy`: firebase.json plus the extensions
// in extensions/manifest.json, which stay out of firebase.json so the emulators never see them.
// Also the check that apphosting.yaml is fit to deploy the storefront to the target project:
// `next build` inlines the web app's Firebase config, so a placeholder or another project's id
// would ship a storefront that talks to the wrong backend, and only a rebuild fixes it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Beside firebase.json: firebase-tools resolves sources and extensions/ from the config's folder. */
export const DEPLOY_CONFIG = "firebase.deploy.json";

/** App Hosting reads it from the backend's root directory or the nearest folder above it. */
export const APPHOSTING_YAML = "apphosting.yaml";

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

/** What a `firebase deploy` command line deploys, as far as the storefront check cares. */
export interface DeployTarget {
  /** From --project / -P, resolved through .firebaserc's aliases; undefined when not given. */
  projectId: string | undefined;
  /** Whether the App Hosting backend (the storefront) is among the targets. */
  appHosting: boolean;
}

/** The last value of an option given as `--name value` or `--name=value`, as the CLI reads it. */
function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  let value: string | undefined;
  for (const [index, arg] of args.entries()) {
    for (const name of names) {
      if (arg === name) value = args[index + 1];
      else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
    }
  }
  return value;
}

const firebasercSchema = z.object({ projects: z.record(z.string(), z.string()).optional() });

export function deployTarget(args: readonly string[], dir = root): DeployTarget {
  const named = optionValue(args, ["--project", "-P"]);
  const rcPath = path.join(dir, ".firebaserc");
  const aliases = fs.existsSync(rcPath)
    ? (firebasercSchema.parse(JSON.parse(fs.readFileSync(rcPath, "utf8"))).projects ?? {})
    : {};
  // Targets as firebase-tools filters them: those in the config, narrowed by --only or --except
  // (an --only selector may name one backend, `apphosting:<backendId>`).
  const only = optionValue(args, ["--only"])?.split(",");
  const except = optionValue(args, ["--except"])?.split(",");
  const appHosting =
    "apphosting" in readJson(dir, "firebase.json") &&
    (only ? only.some((selector) => selector.split(":")[0] === "apphosting") : true) &&
    !(except ?? []).includes("apphosting");
  return { projectId: named === undefined ? undefined : (aliases[named] ?? named), appHosting };
}

const envVariableSchema = z.object({
  variable: z.string(),
  // YAML reads `value: false` as a boolean; App Hosting hands every value over as a string.
  value: z
    .union([z.string(), z.number(), z.boolean()])
    .transform((value) => String(value))
    .optional(),
  secret: z.string().optional(),
  availability: z.array(z.enum(["BUILD", "RUNTIME"])).optional(),
});
const appHostingYamlSchema = z.looseObject({ env: z.array(envVariableSchema).nullish() });

export type AppHostingEnvVariable = z.infer<typeof envVariableSchema>;

export function readAppHostingEnv(dir = root): AppHostingEnvVariable[] {
  const text = fs.readFileSync(path.join(dir, APPHOSTING_YAML), "utf8");
  return appHostingYamlSchema.parse(parseYaml(text) ?? {}).env ?? [];
}

/** The `<project-id>`-style values apphosting.yaml ships with, for the shop owner to replace. */
const PLACEHOLDER = /<[^<>]*>/;
/** Variables that point the app at the emulators (apps/web/lib/env.ts); never in production. */
const EMULATOR_VARIABLE = /(^|_)EMULATOR_HOST$|^FIREBASE_EMULATOR_HUB$/;

/** Why apphosting.yaml's env cannot build the storefront for `projectId`; empty when it can. */
export function appHostingEnvProblems(env: readonly AppHostingEnvVariable[], projectId: string): string[] {
  const problems: string[] = [];
  const byName = new Map(env.map((variable) => [variable.variable, variable]));
  const declaredProject = byName.get("NEXT_PUBLIC_FIREBASE_PROJECT_ID");
  if (declaredProject?.value === undefined) {
    problems.push("NEXT_PUBLIC_FIREBASE_PROJECT_ID needs a plain value: the project the storefront talks to");
  } else if (!PLACEHOLDER.test(declaredProject.value) && declaredProject.value !== projectId) {
    problems.push(
      `NEXT_PUBLIC_FIREBASE_PROJECT_ID is ${declaredProject.value}, but this deploy goes to ${projectId}`,
    );
  }
  for (const { variable, value, availability } of env) {
    if (value !== undefined && PLACEHOLDER.test(value)) {
      problems.push(`${variable} still holds the placeholder ${value}`);
    }
    if (EMULATOR_VARIABLE.test(variable)) {
      problems.push(`${variable} points the storefront at an emulator: remove it`);
    }
    // No availability means both; without BUILD, `next build` would inline undefined.
    if (variable.startsWith("NEXT_PUBLIC_") && availability && !availability.includes("BUILD")) {
      problems.push(`${variable} must be available at BUILD: next build inlines it`);
    }
  }
  const useEmulators = byName.get("NEXT_PUBLIC_USE_EMULATORS")?.value;
  if (useEmulators === "true" || useEmulators === "1") {
    problems.push(`NEXT_PUBLIC_USE_EMULATORS is ${useEmulators}: the storefront would look for emulators`);
  }
  return problems;
}
