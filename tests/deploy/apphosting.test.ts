// The storefront's App Hosting setup against what it depends on: the web app's env module, the
// workspaces, and firebase-tools' own rules for firebase.json and for what it uploads.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { APPHOSTING_YAML, appHostingEnvProblems, readAppHostingEnv, root } from "../../scripts/deploy-config";

const requireCjs = createRequire(import.meta.url);

const appHostingSchema = z.object({
  backendId: z.string(),
  rootDir: z.string(),
  ignore: z.array(z.string()),
  alwaysDeployFromSource: z.boolean().optional(),
});
const firebaseJson = z
  .looseObject({ apphosting: appHostingSchema })
  .parse(JSON.parse(readFileSync(path.join(root, "firebase.json"), "utf8")));
const backend = firebaseJson.apphosting;
const backendRoot = path.resolve(path.join(root, backend.rootDir));

const apphostingYaml = z
  .looseObject({
    runConfig: z.looseObject({ minInstances: z.number(), maxInstances: z.number() }),
    scripts: z.looseObject({ buildCommand: z.string().optional(), runCommand: z.string() }),
  })
  .parse(parseYaml(readFileSync(path.join(root, APPHOSTING_YAML), "utf8")));
const env = readAppHostingEnv();

const packageJsonSchema = z.looseObject({
  workspaces: z.array(z.string()).optional(),
  scripts: z.record(z.string(), z.string()).optional(),
});
const readPackageJson = (dir: string) =>
  packageJsonSchema.parse(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")));

/** Every NEXT_PUBLIC_* variable the web app reads: `next build` inlines only literal references. */
function publicVariablesReadBy(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Skips node_modules and the builds (.next, .next-<offset>).
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const name of publicVariablesReadBy(full)) names.add(name);
    } else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) {
      for (const match of readFileSync(full, "utf8").matchAll(/process\.env\.(NEXT_PUBLIC_\w+)/g)) {
        if (match[1]) names.add(match[1]);
      }
    }
  }
  return names;
}

describe("apphosting.yaml and the web app's env module", () => {
  const appReads = publicVariablesReadBy(path.join(root, "apps/web"));
  const firebaseConfig = [...appReads].filter((name) => name.startsWith("NEXT_PUBLIC_FIREBASE_"));
  const declared = new Map(env.map((variable) => [variable.variable, variable]));

  it("declares every NEXT_PUBLIC_FIREBASE_* the app reads, at build and at runtime", () => {
    expect(firebaseConfig).toContain("NEXT_PUBLIC_FIREBASE_PROJECT_ID");
    for (const name of firebaseConfig) {
      expect(declared.get(name)?.availability, name).toEqual(expect.arrayContaining(["BUILD", "RUNTIME"]));
    }
  });

  it("declares no NEXT_PUBLIC_* the app does not read, and never the emulators", () => {
    const publicDeclared = env
      .map(({ variable }) => variable)
      .filter((name) => name.startsWith("NEXT_PUBLIC_"));
    expect(publicDeclared.filter((name) => !appReads.has(name))).toEqual([]);
    expect(
      env.filter(({ variable }) => /EMULATOR/.test(variable) && variable !== "NEXT_PUBLIC_USE_EMULATORS"),
    ).toEqual([]);
    expect(declared.get("NEXT_PUBLIC_USE_EMULATORS")?.value ?? "false").toBe("false");
  });

  // Holds for the placeholders this repository ships and for a shop's own filled-in values alike.
  it("deploys once the placeholders are filled in, and only to the project it names", () => {
    const filled = env.map((variable) => ({
      ...variable,
      value: variable.value?.replace(/<project-id>/g, "my-shop").replace(/<[^<>]*>/g, "filled"),
    }));
    const project = filled.find(({ variable }) => variable === "NEXT_PUBLIC_FIREBASE_PROJECT_ID")?.value;
    expect(project).toBeDefined();
    expect(appHostingEnvProblems(filled, project ?? "")).toEqual([]);
    expect(appHostingEnvProblems(filled, `not-${project}`)).toEqual([
      `NEXT_PUBLIC_FIREBASE_PROJECT_ID is ${project}, but this deploy goes to not-${project}`,
    ]);
  });

  it("scales to zero and leaves the build command in package.json, where the workspaces survive", () => {
    expect(apphostingYaml.runConfig.minInstances).toBe(0);
    expect(apphostingYaml.runConfig.maxInstances).toBeGreaterThan(0);
    // firebase/apphosting-adapters#569: scripts.buildCommand makes the buildpack rewrite package.json
    // without `workspaces`, and `npm ci` then installs none of them.
    expect(apphostingYaml.scripts.buildCommand).toBeUndefined();
  });
});

describe("firebase.json's apphosting entry", () => {
  it("is valid for the pinned firebase-tools", () => {
    type Validator = ((config: unknown) => boolean) & { errors?: unknown };
    const { getValidator } = z
      .object({ getValidator: z.custom<() => Validator>((value) => typeof value === "function") })
      .parse(requireCjs("firebase-tools/lib/firebaseConfigValidate.js"));
    const validate = getValidator();
    expect(validate(firebaseJson), JSON.stringify(validate.errors)).toBe(true);
    // App Hosting backend ids: 1-30 characters, lowercase letters, digits and hyphens.
    expect(backend.backendId).toMatch(/^[a-z]([a-z0-9-]{0,28}[a-z0-9])?$/);
    // Without it, a backend linked to GitHub makes `firebase deploy` ask, then write the answer
    // into firebase.json: the copy `npm run deploy` uses, extensions and all.
    expect(backend.alwaysDeployFromSource).toBe(true);
  });

  it("roots the backend at the workspace root, whose apphosting:build builds the web app", () => {
    // App Hosting builds a subdirectory in isolation unless it finds nx.json or turbo.json; the
    // web app needs the workspace packages and the root lockfile.
    expect(backendRoot).toBe(root);
    const rootPackage = readPackageJson(backendRoot);
    expect(rootPackage.workspaces).toContain("apps/web");
    expect(rootPackage.scripts?.["apphosting:build"]).toBe("npm run build -w apps/web");
    expect(readPackageJson(path.join(root, "apps/web")).scripts?.start).toBe("next start");
    expect(apphostingYaml.scripts.runCommand).toBe("npm run start -w apps/web");
    expect(existsSync(path.join(backendRoot, APPHOSTING_YAML))).toBe(true);
  });
});

describe("what `firebase deploy` uploads for the storefront", () => {
  type ReaddirRecursive = (options: {
    path: string;
    ignore: string[];
    isGitIgnore: boolean;
  }) => Promise<{ name: string }[]>;
  const { readdirRecursive } = z
    .object({ readdirRecursive: z.custom<ReaddirRecursive>((value) => typeof value === "function") })
    .parse(requireCjs("firebase-tools/lib/fsAsync.js"));

  /** The listing firebase-tools zips (deploy/apphosting/util.js): the config's folder, with the
   * entry's ignore list, firebase-debug logs and the root .gitignore, in gitignore syntax. */
  async function upload(): Promise<string[]> {
    const gitignore = readFileSync(path.join(root, ".gitignore"), "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"));
    const ignore = [...backend.ignore, "firebase-debug.log", "firebase-debug.*.log", ...gitignore];
    const files = await readdirRecursive({ path: root, ignore, isGitIgnore: true });
    return files.map((file) => path.relative(root, file.name).split(path.sep).join("/"));
  }

  it("holds every workspace's manifest, the lockfile and the sources the web app builds from", async () => {
    const files = new Set(await upload());
    const workspaces = (readPackageJson(root).workspaces ?? []).flatMap((pattern) =>
      pattern.endsWith("/*")
        ? readdirSync(path.join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -1)}${name}`)
        : [pattern],
    );
    const needed = [
      "package.json",
      "package-lock.json",
      APPHOSTING_YAML,
      "tsconfig.base.json",
      "apps/web/next.config.ts",
      "apps/web/tsconfig.json",
      ...workspaces
        .filter((dir) => statSync(path.join(root, dir)).isDirectory())
        .map((dir) => `${dir}/package.json`),
      "packages/domain/src/index.ts",
      "packages/stripe-events/src/index.ts",
    ];
    expect(needed.filter((file) => !files.has(file))).toEqual([]);
  }, 20_000);

  it("leaves out installs, builds, local env files and the functions' code", async () => {
    const files = await upload();
    expect(files.filter((file) => /(^|\/)(node_modules|\.next[^/]*|\.git)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /(^|\/)\.env[^/]*\.local$|\.secret\.local$/.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith("functions/"))).toEqual(["functions/package.json"]);
  }, 20_000);
});
