// The one table `npm run bench` prints: each figure beside its goal, the baseline and the change,
// and what counts as a failure of the whole run.
import type { Figure } from "./figures";

export interface BenchStatus {
  state: "ok" | "crashed" | "not available";
  detail?: string;
}

export interface Results {
  measuredAt: string;
  machine: { cpus: number; loadAverage: number; node: string };
  benches: ({ name: string } & BenchStatus)[];
  figures: Figure[];
}

/** A change against the baseline beyond this, in the worse direction, is flagged. */
export const REGRESSION = 0.2;

export interface Row {
  figure: Figure;
  baseline: number | null;
  /** (value − baseline) ÷ baseline; null without a baseline (or a baseline of 0 equal to the value). */
  change: number | null;
  regression: boolean;
}

export function compare(results: Results, baseline: Results | null): Row[] {
  const before = new Map((baseline?.figures ?? []).map((figure) => [figure.id, figure.value]));
  return results.figures.map((figure) => {
    const base = before.get(figure.id) ?? null;
    if (base === null) return { figure, baseline: null, change: null, regression: false };
    const change =
      base === 0
        ? figure.value === 0
          ? 0
          : Infinity * Math.sign(figure.value)
        : (figure.value - base) / Math.abs(base);
    const worse = figure.better === "lower" ? change : -change;
    return { figure, baseline: base, change, regression: worse > REGRESSION };
  });
}

/** Figures that must hold for the run to pass: units oversold, and any goal worded "must". */
export function hardFailures(results: Results): Figure[] {
  return results.figures.filter(
    (figure) =>
      (figure.id.endsWith(".oversold") || figure.goal?.startsWith("must") === true) && figure.ok === false,
  );
}

const number = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));

function changeText(row: Row): string {
  if (row.change === null) return "";
  if (!Number.isFinite(row.change)) return row.regression ? "⚠ new" : "new";
  const percent = `${row.change >= 0 ? "+" : ""}${(row.change * 100).toFixed(0)}%`;
  return row.regression ? `⚠ ${percent}` : percent;
}

function format(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  return header
    ? [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...body.map(line)].join("\n")
    : "";
}

export function printTable(results: Results, rows: readonly Row[], baseline: Results | null): void {
  const table: string[][] = [["bench", "figure", "value", "goal", "ok", "baseline", "change"]];
  for (const bench of results.benches) {
    const own = rows.filter((row) => row.figure.bench === bench.name);
    if (bench.state !== "ok" || own.length === 0) {
      table.push([
        bench.name,
        `(${bench.state}${bench.detail ? `: ${bench.detail}` : ""})`,
        "",
        "",
        "",
        "",
        "",
      ]);
    }
    for (const row of own) {
      const { figure } = row;
      table.push([
        bench.name,
        figure.label,
        `${number(figure.value)}${figure.unit ? ` ${figure.unit}` : ""}`,
        figure.goal ?? "",
        figure.ok === undefined ? "" : figure.ok ? "✓" : "✗",
        row.baseline === null ? "" : number(row.baseline),
        changeText(row),
      ]);
    }
  }
  const { machine } = results;
  console.log(
    `\n${"═".repeat(40)} npm run bench ${"═".repeat(40)}\n` +
      `${results.measuredAt}, ${machine.cpus} CPUs, load average ${machine.loadAverage.toFixed(1)}, Node ${machine.node}; ` +
      `baseline: ${baseline ? `bench/baseline.json (${baseline.measuredAt})` : "none yet (npm run bench -- --update-baseline)"}\n`,
  );
  console.log(format(table));
  console.log(
    `\n✓/✗: the goal (goals are ratios measured in this run where speed is concerned; absolute times move with the ` +
      `machine). ⚠: worse than the baseline by more than ${REGRESSION * 100}% in the figure's better direction.`,
  );
}
