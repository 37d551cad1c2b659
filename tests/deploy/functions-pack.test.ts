// What `firebase deploy` uploads for the functions, checked the way Cloud Build would run it:
// functions/ is built into a temp copy, zipped by firebase-tools' own prepareFunctionsUpload with
// firebase.json's ignore list, unzipped into a fresh folder, given only its declared dependencies,
// and loaded there by a node with no NODE_PATH and no workspace above it.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { installDeclaredDependencies } from "./declared-dependencies";

const root = realpathSync(path.resolve(import.meta.dirname, "../.."));
const functionsDir = path.join(root, "functions");

const prepareFunctionsUpload = z
  .object({
    prepareFunctionsUpload: z.custom<
      (sourceDir: string, config: object) => Promise<{ pathToSource: string } | undefined>
    >((value) => typeof value === "function"),
  })
  .parse(
    createRequire(import.meta.url)("firebase-tools/lib/deploy/functions/prepareFunctionsUpload.js"),
  ).prepareFunctionsUpload;

const functionsConfig = z
  .object({ functions: z.array(z.object({ source: z.string(), ignore: z.array(z.string()) })) })
  .parse(JSON.parse(readFileSync(path.join(root, "firebase.json"), "utf8")))
  .functions.find((config) => config.source === "functions");

/** The names functions/src/index.ts exports: what must be deployed. */
function declaredExports(): string[] {
  const file = path.join(functionsDir, "src", "index.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
  return source.statements.flatMap((statement) =>
    ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.map((element) => element.name.text)
      : [],
  );
}

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

// Runs in the unpacked folder: loads every export, as discovery does, through the packed copy of
// firebase-functions' own loader, then reports every module file node loaded.
const LOAD_ALL = `
const path = require("node:path");
const here = process.cwd();
const { loadStack } = require(path.join(here, "node_modules/firebase-functions/lib/runtime/loader.js"));
loadStack(here).then((stack) => {
  const index = require(here);
  const triggers = Object.keys(index).filter((name) => typeof index[name]?.__endpoint === "object");
  const loaded = Object.keys(require.cache);
  process.stdout.write(JSON.stringify({ endpoints: Object.keys(stack.endpoints), triggers, loaded }));
});
`;
// One instance, as the Functions Framework starts it with FUNCTION_TARGET: index, then one export.
const LOAD_ONE = `
const index = require(process.cwd());
if (typeof index[process.argv[1]] !== "function") throw new Error("no " + process.argv[1]);
process.stdout.write(JSON.stringify({ loaded: Object.keys(require.cache) }));
`;

const loadedSchema = z.object({ loaded: z.array(z.string()) });

function runIn(dir: string, script: string, ...args: string[]): unknown {
  const child = spawnSync(process.execPath, ["-e", script, ...args], {
    cwd: dir,
    encoding: "utf8",
    // What discovery and a deployed instance have; no NODE_PATH, no NODE_OPTIONS from the tests.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GCLOUD_PROJECT: "my-shop",
      FIREBASE_CONFIG: JSON.stringify({ projectId: "my-shop", storageBucket: "my-shop.appspot.com" }),
    },
  });
  if (child.status !== 0) throw new Error(`node in ${dir} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

describe("the functions as `firebase deploy` packs them", () => {
  let temp: string;
  let deployed: string;
  let packed: string[];
  let installed: string[];

  beforeAll(async () => {
    if (functionsConfig === undefined) throw new Error("firebase.json has no functions source");
    temp = realpathSync(mkdtempSync(path.join(os.tmpdir(), "hearth-functions-pack-")));
    const source = path.join(temp, "functions");
    cpSync(functionsDir, source, {
      recursive: true,
      filter: (file) =>
        !["lib", "node_modules"].includes(path.relative(functionsDir, file).split(path.sep)[0] ?? ""),
    });
    const build = spawnSync(
      process.execPath,
      [path.join(functionsDir, "build.mjs"), "--outdir", path.join(source, "lib")],
      {
        encoding: "utf8",
      },
    );
    if (build.status !== 0) throw new Error(`functions/build.mjs failed:\n${build.stderr}`);

    // prepareFunctionsUpload appends its own entries to the list it is given.
    const zip = await prepareFunctionsUpload(source, {
      ...functionsConfig,
      ignore: [...functionsConfig.ignore],
    });
    if (zip === undefined) throw new Error("prepareFunctionsUpload packed nothing");
    deployed = path.join(temp, "deployed");
    mkdirSync(deployed);
    // The JDK's jar (which the emulators already need) unzips; no unzip tool is assumed.
    const unzip = spawnSync("jar", ["xf", zip.pathToSource], { cwd: deployed, encoding: "utf8" });
    rmSync(zip.pathToSource, { force: true });
    if (unzip.status !== 0) throw new Error(`jar xf failed: ${unzip.stderr}`);
    packed = listFiles(deployed).sort();
    installed = installDeclaredDependencies(deployed, {
      resolveFrom: functionsDir,
      top: root,
      target: deployed,
    });
  }, 120_000);
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it("declares only registry dependencies, none of the workspace's packages", () => {
    const manifest = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(readFileSync(path.join(deployed, "package.json"), "utf8")));
    const fields = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
    const specs = fields.flatMap((field) =>
      Object.entries(z.record(z.string(), z.string()).optional().parse(manifest[field]) ?? {}),
    );
    expect(specs.length).toBeGreaterThan(0);
    const local = /^(workspace|file|link|portal|git|git\+\w+|https?|github):|^(\.{0,2}\/|~\/)/;
    expect(specs.filter(([name, spec]) => name.startsWith("@hearth/") || local.test(spec))).toEqual([]);
    expect(packed).toContain(manifest.main);
  });

  it("holds the built code and none of the sources, tests or local secrets", () => {
    expect(packed).toEqual(expect.arrayContaining(["package.json", "lib/index.js"]));
    const unwanted = packed.filter((file) =>
      /^(src|test|node_modules)\/|\.ts$|^tsconfig\.json$|^build\.mjs$|^\.secret\.local$|^\.env\.(local|demo-.*)$/.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it("requires, besides node's own modules, only packages it declares", () => {
    const declared = Object.keys(
      z
        .object({ dependencies: z.record(z.string(), z.string()) })
        .parse(JSON.parse(readFileSync(path.join(deployed, "package.json"), "utf8"))).dependencies,
    );
    const required = packed
      .filter((file) => file.endsWith(".js"))
      .flatMap((file) => [
        ...readFileSync(path.join(deployed, file), "utf8").matchAll(/\brequire\("([^"]+)"\)/g),
      ])
      .map((match) => match[1] ?? "")
      .filter((specifier) => !specifier.startsWith(".") && !specifier.startsWith("node:"));
    const packageOf = (specifier: string) =>
      specifier
        .split("/")
        .slice(0, specifier.startsWith("@") ? 2 : 1)
        .join("/");
    const undeclared = required.filter(
      (specifier) => !builtinModules.includes(specifier) && !declared.includes(packageOf(specifier)),
    );
    expect(required.length).toBeGreaterThan(0);
    expect([...new Set(undeclared)]).toEqual([]);
  });

  it("loads every function for discovery from the folder alone, with only its declared dependencies", () => {
    expect(installed).toEqual(
      expect.arrayContaining(["firebase-admin", "firebase-functions", "sharp", "stripe"]),
    );
    const result = z
      .object({ endpoints: z.array(z.string()), triggers: z.array(z.string()) })
      .merge(loadedSchema)
      .parse(runIn(deployed, LOAD_ALL));

    const expected = declaredExports();
    expect(expected.length).toBeGreaterThan(10);
    expect(result.endpoints.sort()).toEqual([...expected].sort());
    expect(result.triggers.sort()).toEqual([...expected].sort());
    expect(result.loaded.filter((file) => !file.startsWith(deployed + path.sep))).toEqual([]);
  }, 30_000);

  it("starts one function's instance with its own bundle only", () => {
    const { loaded } = loadedSchema.parse(runIn(deployed, LOAD_ONE, "expireUnpaidOrdersJob"));
    const built = loaded.filter((file) => file.startsWith(path.join(deployed, "lib") + path.sep));
    expect(built.map((file) => path.relative(deployed, file)).sort()).toEqual([
      "lib/index.js",
      "lib/orders/expire-unpaid.js",
    ]);
    const heavy = loaded.filter((file) => /[/\\]node_modules[/\\](stripe|sharp)[/\\]/.test(file));
    expect(heavy).toEqual([]);
  }, 30_000);
});
