// `npm run bench`: every benchmark, one table. Builds the functions once, runs cold-start (no
// emulators), then saga, hot-product, web and images in one emulators:exec session, then the cost
// benchmark in a session of its own (bench-list.ts says why), reusing web's storefront build.
// Collects bench-results/*.figures.json, prints each figure beside its goal and the committed
// baseline, writes bench/results.json; `-- --update-baseline` copies it to bench/baseline.json.
// `-- --only saga,cost` runs some, `-- --skip-build` keeps functions/lib as it is. Exits non-zero
// only when a benchmark crashed or a figure that must hold (units oversold) does not: a missed
// speed goal is a measurement, printed as ✗.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { available, BENCHES, inEmulators, RESULTS_DIR, ROOT, run, type Bench } from "./bench-list";
import { runCostSession } from "./cost-session";
import type { BenchReport } from "./figures";
import { compare, hardFailures, printTable, type BenchStatus, type Results } from "./results-table";

const args = process.argv.slice(2);
const UPDATE_BASELINE = args.includes("--update-baseline");
/** For a rerun when functions/lib is current (e.g. while several checkouts share one tree). */
const SKIP_BUILD = args.includes("--skip-build");
const onlyArg = args.find((arg) => arg.startsWith("--only"));
const only = onlyArg
  ? onlyArg.includes("=")
    ? onlyArg.split("=")[1]
    : args[args.indexOf(onlyArg) + 1]
  : undefined;
const selected = BENCHES.filter((bench) => !only || only.split(",").includes(bench.name));
const BENCH_DIR = path.join(ROOT, "bench");
const figuresFile = (bench: Bench) => path.join(RESULTS_DIR, `${bench.name}.figures.json`);

async function runAll(): Promise<Map<string, BenchStatus>> {
  const statuses = new Map<string, BenchStatus>();
  const wanted = (session: Bench["session"]) => selected.filter((bench) => bench.session === session);
  for (const bench of selected) {
    rmSync(figuresFile(bench), { force: true });
    if (!available(bench))
      statuses.set(bench.name, { state: "not available", detail: `no scripts/bench/${bench.file}` });
  }
  const runnable = (session: Bench["session"]) => wanted(session).filter(available);
  const record = (bench: Bench, code: number) =>
    statuses.set(bench.name, code === 0 ? { state: "ok" } : { state: "crashed", detail: `exit ${code}` });

  const build = !SKIP_BUILD && selected.some((bench) => bench.session !== "none");
  if (build && (await run("npm", ["run", "build:functions"])) !== 0) {
    throw new Error("npm run build:functions failed");
  }
  for (const bench of runnable("none"))
    record(bench, await run("tsx", [path.join("scripts/bench", bench.file)]));

  const shared = runnable("shared");
  if (shared.length > 0) {
    const statusFile = path.join(RESULTS_DIR, "session-status.json");
    rmSync(statusFile, { force: true });
    const names = shared.map((bench) => bench.name).join(" ");
    const code = await inEmulators(
      `tsx scripts/bench/bench-session.ts ${JSON.stringify(statusFile)} ${names}`,
    );
    const codes: Record<string, unknown> = existsSync(statusFile)
      ? JSON.parse(readFileSync(statusFile, "utf8"))
      : {};
    for (const bench of shared) {
      const exit = codes[bench.name];
      if (typeof exit === "number") record(bench, exit);
      else
        statuses.set(bench.name, {
          state: "crashed",
          detail: `the emulator session ended (exit ${code}) before it ran`,
        });
    }
  }
  for (const bench of runnable("cost")) {
    // web's build this run, if it made one: the cost benchmark serves the same build.
    const reuse = statuses.get("web")?.state === "ok" ? { BENCH_WEB_REUSE_BUILD: "1" } : {};
    record(bench, await runCostSession(reuse));
  }
  return statuses;
}

function collect(statuses: Map<string, BenchStatus>): Results {
  const figures = selected.flatMap((bench) => {
    const file = figuresFile(bench);
    if (!existsSync(file)) {
      const status = statuses.get(bench.name);
      if (status?.state === "ok") statuses.set(bench.name, { state: "crashed", detail: "wrote no figures" });
      return [];
    }
    const report = JSON.parse(readFileSync(file, "utf8")) as BenchReport;
    return report.figures;
  });
  return {
    measuredAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg()[0] ?? 0, node: process.version },
    benches: selected.map((bench) => ({
      name: bench.name,
      ...(statuses.get(bench.name) ?? { state: "crashed" }),
    })),
    figures,
  };
}

async function main(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const statuses = await runAll();
  const results = collect(statuses);
  const baselineFile = path.join(BENCH_DIR, "baseline.json");
  const baseline: Results | null = existsSync(baselineFile)
    ? JSON.parse(readFileSync(baselineFile, "utf8"))
    : null;
  const rows = compare(results, baseline);
  printTable(results, rows, baseline);
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(path.join(BENCH_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote bench/results.json${UPDATE_BASELINE ? " and bench/baseline.json" : ""}.`);
  if (UPDATE_BASELINE) writeFileSync(baselineFile, `${JSON.stringify(results, null, 2)}\n`);
  const failures = [
    ...results.benches.filter((bench) => bench.state === "crashed").map((bench) => `${bench.name} crashed`),
    ...hardFailures(results).map((figure) => `${figure.label}: ${figure.value} (must be ${figure.goal})`),
  ];
  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error("npm run bench failed:", error);
  process.exit(1);
});
