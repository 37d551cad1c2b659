// The one shape every benchmark reports in, so `npm run bench` can print a single table,
// write bench/results.json and compare against bench/baseline.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Figure {
  /** Stable key for the baseline comparison, e.g. "saga.10.ordersPerSecond". */
  id: string;
  /** Which benchmark measured it: "saga", "web", "images", "cold-start", "cost", "hot-product". */
  bench: string;
  /** What a reader sees in the table, e.g. "Saga, 10 shoppers: orders/s". */
  label: string;
  value: number;
  unit: string;
  /** The goal in words, e.g. "≤ 1.25× bare SDK import"; omitted for figures with no goal. */
  goal?: string;
  /** Whether the goal is met; omitted when the figure has no goal. */
  ok?: boolean;
  /** Which direction is better, for the baseline comparison. */
  better: "lower" | "higher";
}

export interface BenchReport {
  bench: string;
  measuredAt: string;
  figures: Figure[];
  /** Anything else worth keeping (raw samples, prices used, environment). */
  details?: unknown;
}

const resultsDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "..", "bench-results");

/** Writes bench-results/<bench>.figures.json, which `npm run bench` collects. */
export function writeFigures(report: BenchReport): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${report.bench}.figures.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
