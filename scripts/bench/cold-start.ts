// Cold start per function: `tsx scripts/bench/cold-start.ts [--rounds N] [--lib <dir>] [--whole <file>]`,
// no emulators. Builds functions/ into .cache/cold-start/split with functions/build.mjs, as deployed
// (or measures --lib), and the old single bundle into .cache/cold-start/whole (or measures --whole).
// Then, for every export, in fresh node processes and alternating: the cold import of what that
// function's instance loads (lib/index.js, then exports[name], as the Functions Framework does for
// FUNCTION_TARGET) and the bare import of the SDK modules it needs (cold-start-needs.ts). The
// times are CPU time of the import, which a busy shared machine disturbs far less than wall time;
// the ratio is the median of each round's pair. Goal: ≤ 1.25×, and Stripe and sharp loaded only
// where the function uses them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { coldImportChild, sdkImportChild, type ImportRun } from "./cold-start-child";
import { SDK_NEEDS } from "./cold-start-needs";
import { writeFigures, type Figure } from "./figures";
import { percentile } from "./support";

const GOAL = 1.25;
const root = fileURLToPath(new URL("../..", import.meta.url));
const cacheDir = path.join(root, ".cache", "cold-start");
const require = createRequire(import.meta.url);
const options = parseArgs({
  options: { rounds: { type: "string" }, lib: { type: "string" }, whole: { type: "string" } },
}).values;
const rounds = Math.max(15, Number(options.rounds ?? 15));

function buildSplit(): string {
  const outdir = path.join(cacheDir, "split");
  const run = spawnSync(process.execPath, [path.join(root, "functions", "build.mjs"), "--outdir", outdir], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`functions/build.mjs failed: ${run.stderr}`);
  return outdir;
}

/** What functions/build.mjs made before the split: every function in one eagerly loaded file. */
async function buildWhole(): Promise<string> {
  const pkg = require(path.join(root, "functions", "package.json")) as { dependencies?: object };
  const outfile = path.join(cacheDir, "whole", "index.js");
  await build({
    entryPoints: [path.join(root, "functions", "src", "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: "warning",
  });
  return outfile;
}

const median = (values: readonly number[]): number => percentile(values, 50);
const ratios = (a: readonly ImportRun[], b: readonly ImportRun[]): number[] =>
  a.flatMap((run, i) => {
    const other = b[i];
    return other === undefined ? [] : [run.ms / other.ms];
  });

interface Samples {
  own: ImportRun[];
  sdk: ImportRun[];
}

function measure(index: string, libDir: string, wholeFile: string, names: readonly string[]) {
  const samples = new Map<string, Samples>(names.map((name) => [name, { own: [], sdk: [] }]));
  const whole: ImportRun[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const entry = samples.get(name);
      if (entry === undefined) continue;
      const modules = SDK_NEEDS[name]?.modules ?? [];
      // Which goes first alternates, so drift on a shared machine hits both alike.
      const steps = [
        () => entry.own.push(coldImportChild(index, name, libDir)),
        () => entry.sdk.push(sdkImportChild(modules)),
      ];
      for (const step of round % 2 === 0 ? steps : steps.reverse()) step();
    }
    whole.push(coldImportChild(wholeFile, names[0] ?? "", path.dirname(wholeFile)));
    process.stderr.write(`round ${round + 1}/${rounds}${round + 1 === rounds ? "\n" : "\r"}`);
  }
  return { samples, whole };
}

function figure(id: string, label: string, value: number, unit: string, goal?: { ok: boolean }): Figure {
  const base = { id: `cold-start.${id}`, bench: "cold-start", label, value, unit, better: "lower" as const };
  return goal === undefined ? base : { ...base, goal: `≤ ${GOAL}×`, ok: goal.ok };
}

async function main(): Promise<void> {
  const libDir = options.lib === undefined ? buildSplit() : path.resolve(options.lib);
  const wholeFile = options.whole === undefined ? await buildWhole() : path.resolve(options.whole);
  const index = path.join(libDir, "index.js");
  // Object.keys does not run the getters: nothing of the functions loads here.
  const names = Object.keys(require(index) as object);
  const undeclared = names.filter((name) => SDK_NEEDS[name] === undefined);
  if (undeclared.length > 0)
    throw new Error(`Declare the SDKs of ${undeclared.join(", ")} in cold-start-needs.ts`);

  const { samples, whole } = measure(index, libDir, wholeFile, names);
  const figures: Figure[] = [];
  const header = [
    "function",
    "bytes",
    "import ms",
    "SDK ms",
    "ratio",
    "goal",
    "ok",
    "stripe/sharp",
    "1 bundle",
  ];
  const rows: string[][] = [header];
  for (const name of names) {
    const { own, sdk } = samples.get(name) ?? { own: [], sdk: [] };
    const needs = SDK_NEEDS[name]?.modules ?? [];
    const importMs = median(own.map((run) => run.ms));
    const ratio = median(ratios(own, sdk));
    const heavy = [...new Set(own.flatMap((run) => run.heavy))];
    const unused = heavy.filter((module) => !needs.includes(module));
    const ok = ratio <= GOAL && unused.length === 0;
    const bytes = own[0]?.bytes ?? 0;
    rows.push([
      name,
      String(bytes),
      importMs.toFixed(0),
      median(sdk.map((run) => run.ms)).toFixed(0),
      `${ratio.toFixed(2)}×`,
      `≤ ${GOAL}×`,
      ok ? "ok" : "NO",
      heavy.map((module) => (unused.includes(module) ? `${module} (unused!)` : module)).join(", ") || "-",
      `${median(ratios(whole, sdk)).toFixed(2)}×`,
    ]);
    figures.push(
      figure(`${name}.ratio`, `Cold start, ${name}: import / bare SDK import`, ratio, "×", { ok }),
      figure(`${name}.importMs`, `Cold start, ${name}: import (CPU)`, importMs, "ms"),
      figure(`${name}.bytes`, `Cold start, ${name}: built bytes loaded`, bytes, "B"),
    );
  }
  const wholeMs = median(whole.map((run) => run.ms));
  const wholeBytes = whole[0]?.bytes ?? 0;
  const wholeHeavy = [...new Set(whole.flatMap((run) => run.heavy))].join(", ");
  rows.push(["(one bundle, before)", String(wholeBytes), wholeMs.toFixed(0), "", "", "", "", wholeHeavy, ""]);
  figures.push(
    figure("wholeBundle.importMs", "Cold start, old single bundle: import (CPU)", wholeMs, "ms"),
    figure("wholeBundle.bytes", "Cold start, old single bundle: built bytes loaded", wholeBytes, "B"),
  );

  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
  console.log(
    `\n${rounds} rounds, medians of CPU ms; "1 bundle": the old single bundle against the same SDKs.`,
  );
  const wall = Object.fromEntries(
    [...samples].map(([name, { own, sdk }]) => [
      name,
      { importMs: median(own.map((run) => run.wallMs)), sdkMs: median(sdk.map((run) => run.wallMs)) },
    ]),
  );
  const file = writeFigures({
    bench: "cold-start",
    measuredAt: new Date().toISOString(),
    figures,
    details: { rounds, node: process.version, sdkNeeds: SDK_NEEDS, wallMedians: wall },
  });
  console.log(`Figures: ${path.relative(root, file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
