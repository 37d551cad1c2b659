// One cold import in a fresh node process, timed inside the child (node's own start-up excluded).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ImportRun {
  /** CPU time of the import (user + system): what a busy shared machine disturbs least. */
  ms: number;
  wallMs: number;
  /** Bytes of the built files the import loaded (index plus the function's bundle). */
  bytes: number;
  /** Which of the heavy SDKs (stripe, sharp) ended up in require.cache. */
  heavy: string[];
}

const root = fileURLToPath(new URL("../..", import.meta.url));

export const HEAVY_MODULES = ["stripe", "sharp"] as const;

// What a deployed instance has: firebase-admin reads the project and bucket from FIREBASE_CONFIG.
const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FIREBASE_CONFIG: JSON.stringify({ projectId: "demo-hearth", storageBucket: "demo-hearth.appspot.com" }),
    GCLOUD_PROJECT: "demo-hearth",
  };
  delete env.NODE_OPTIONS;
  delete env.NODE_PATH;
  return env;
};

const CHILD = `
const { statSync } = require("node:fs");
const path = require("node:path");
const [mode, target, name, dir] = process.argv.slice(1);
const cpu = process.cpuUsage();
const started = process.hrtime.bigint();
if (mode === "function") {
  const fn = require(target)[name];
  if (typeof fn !== "function" || typeof fn.__endpoint !== "object") throw new Error(name + " is not a function trigger");
} else {
  for (const module of JSON.parse(target)) require(module);
}
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
const used = process.cpuUsage(cpu);
const ms = (used.user + used.system) / 1000;
const loaded = Object.keys(require.cache);
const inside = dir ? loaded.filter((file) => file.startsWith(dir + path.sep)) : [];
const bytes = inside.reduce((sum, file) => sum + statSync(file).size, 0);
const heavy = ${JSON.stringify(HEAVY_MODULES)}.filter((module) =>
  loaded.some((file) => file.includes(path.sep + "node_modules" + path.sep + module + path.sep)),
);
process.stdout.write(JSON.stringify({ ms, wallMs, bytes, heavy }));
`;

function run(args: string[]): ImportRun {
  const child = spawnSync(process.execPath, ["-e", CHILD, ...args], {
    encoding: "utf8",
    env: childEnv(),
    cwd: root,
  });
  if (child.status !== 0) throw new Error(`Import child ${args.join(" ")} failed: ${child.stderr}`);
  const parsed: unknown = JSON.parse(child.stdout);
  if (
    typeof parsed !== "object" ||
    parsed === null ||
    !("ms" in parsed && typeof parsed.ms === "number") ||
    !("wallMs" in parsed && typeof parsed.wallMs === "number") ||
    !("bytes" in parsed && typeof parsed.bytes === "number") ||
    !("heavy" in parsed && Array.isArray(parsed.heavy))
  ) {
    throw new Error(`Import child printed ${child.stdout}`);
  }
  return { ms: parsed.ms, wallMs: parsed.wallMs, bytes: parsed.bytes, heavy: parsed.heavy.map(String) };
}

/** require(index)[name], as the Functions Framework does for FUNCTION_TARGET=name. */
export function coldImportChild(index: string, name: string, builtDir: string): ImportRun {
  return run(["function", index, name, builtDir]);
}

/** The bare import of SDK modules, resolved from the repository root. */
export function sdkImportChild(modules: readonly string[]): ImportRun {
  return run(["sdk", JSON.stringify(modules), "", ""]);
}
