// Medians of the web benchmark's samples, judged against the issue's goals and printed as a table.
import type { ReadCount } from "./web-read-tally";
import type { BenchRoute } from "./web-routes";
import type { ScriptLoad, Shown, ViewSample } from "./web-view";

export const GOALS = {
  /** Compressed first-load JavaScript of the storefront's pages, in kB of 1000 bytes. */
  firstLoadJsKb: 175,
  lcpMs: 1_000,
  cls: 0,
} as const;

export interface RouteSamples {
  route: BenchRoute;
  /** The server's reads for the HTML alone, fetched without a browser. */
  render: ReadCount;
  views: ViewSample[];
}

export interface ScriptSize {
  path: string;
  encodedBytes: number;
  decodedBytes: number;
  initial: boolean;
  contains: string[];
}

export interface RouteSummary {
  name: string;
  path: string;
  floor: boolean;
  status: number;
  /** Medians over the views, in bytes as sent (compressed). */
  js: { initial: number; afterHydration: number; total: number; decodedTotal: number };
  encodings: string[];
  htmlBytes: number;
  ttfbMs: number;
  lcpMs: number;
  lcpElement: string;
  /** Medians of the LCP parts over the views whose LCP element was a loaded resource. */
  lcpParts: ViewSample["lcpParts"];
  cls: number;
  clsWorst: number;
  /** The layout shifts of the view with the worst CLS. */
  shifts: ViewSample["shifts"];
  rscRequests: number;
  /** Billed reads (documents, plus one per empty answer), medians over the views. */
  reads: { render: ReadCount; server: number; browser: number; view: number };
  /** Documents the page shows, by kind (the first view's), and their total. */
  shown: Shown & { total: number };
  scripts: ScriptSize[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

function medianParts(parts: NonNullable<ViewSample["lcpParts"]>[]): ViewSample["lcpParts"] {
  if (parts.length === 0) return null;
  return {
    loadDelayMs: median(parts.map((part) => part.loadDelayMs)),
    loadMs: median(parts.map((part) => part.loadMs)),
    renderDelayMs: median(parts.map((part) => part.renderDelayMs)),
  };
}

const sum = (scripts: readonly ScriptLoad[], pick: (script: ScriptLoad) => number) =>
  scripts.reduce((total, script) => total + pick(script), 0);

function shownTotal(shown: Shown): number {
  return shown.storeConfig + shown.categories + shown.productCards + shown.product + shown.nextPage;
}

export function summarize({ route, render, views }: RouteSamples): RouteSummary {
  const first = views[0];
  if (!first) throw new Error(`No views of ${route.path}`);
  const over = (pick: (view: ViewSample) => number) => median(views.map(pick));
  return {
    name: route.name,
    path: route.path,
    floor: route.floor,
    status: first.status,
    js: {
      initial: over((view) => sum(view.scripts, (s) => (s.initial ? s.encodedBytes : 0))),
      afterHydration: over((view) => sum(view.scripts, (s) => (s.initial ? 0 : s.encodedBytes))),
      total: over((view) => sum(view.scripts, (s) => s.encodedBytes)),
      decodedTotal: over((view) => sum(view.scripts, (s) => s.decodedBytes)),
    },
    encodings: [...new Set(views.flatMap((view) => view.scripts.map((s) => s.encoding)))],
    htmlBytes: over((view) => view.documentBytes),
    ttfbMs: over((view) => view.ttfbMs),
    lcpMs: over((view) => view.lcpMs),
    lcpElement: mostCommon(views.map((view) => view.lcpElement)),
    lcpParts: medianParts(views.flatMap((view) => (view.lcpParts ? [view.lcpParts] : []))),
    cls: over((view) => view.cls),
    clsWorst: Math.max(...views.map((view) => view.cls)),
    shifts: [...views].sort((a, b) => b.cls - a.cls)[0]?.shifts ?? [],
    rscRequests: over((view) => view.rscRequests.length),
    reads: {
      render,
      server: over((view) => view.reads.server.billed),
      browser: over((view) => view.reads.browser.billed),
      view: over((view) => view.reads.server.billed + view.reads.browser.billed),
    },
    shown: { ...first.shown, total: shownTotal(first.shown) },
    scripts: first.scripts.map((s) => ({
      path: new URL(s.url).pathname,
      encodedBytes: s.encodedBytes,
      decodedBytes: s.decodedBytes,
      initial: s.initial,
      contains: s.contains,
    })),
  };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const mark = (ok: boolean) => (ok ? "✓" : "✗");

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return "";
  return [line(header), widths.map((width) => "─".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

function readsCell(summary: RouteSummary): string {
  const { reads, shown } = summary;
  const extra = reads.view - shown.total;
  const judged = summary.floor ? "" : ` ${mark(extra <= 0)}${extra > 0 ? ` +${extra}` : ""}`;
  return `${reads.view} (${reads.render.billed}) / ${shown.total}${judged}`;
}

export interface BenchEnvironment {
  chromium: string;
  next: string;
  viewport: { width: number; height: number };
  cpus: number;
  /** 1-minute load averages when the measurements began and ended. */
  loadAverage: { start: number; end: number };
}

export function printReport(summaries: readonly RouteSummary[], environment: BenchEnvironment): void {
  const floor = summaries.find((summary) => summary.floor);
  const { viewport, loadAverage } = environment;
  console.log(
    `\nNext.js ${environment.next}, Chromium ${environment.chromium}, ${viewport.width}×${viewport.height}, no throttling; ` +
      `${environment.cpus} CPUs, load average ${loadAverage.start.toFixed(1)} → ${loadAverage.end.toFixed(1)} ` +
      "(work elsewhere on the machine slows TTFB and LCP)",
  );
  const rows: string[][] = [
    [
      "route",
      "path",
      "status",
      `JS kB (≤${GOALS.firstLoadJsKb})`,
      "= HTML + later",
      "vs floor",
      "TTFB ms",
      `LCP ms (≤${GOALS.lcpMs})`,
      `CLS (${GOALS.cls})`,
      "reads (HTML) / shown",
    ],
  ];
  for (const summary of summaries) {
    const { js } = summary;
    // The floor is the reference the pages are compared with, not a page the goals are about.
    const judge = (ok: boolean) => (summary.floor ? "" : ` ${mark(ok)}`);
    rows.push([
      summary.name,
      summary.path,
      String(summary.status),
      `${kb(js.total)}${judge(js.total <= GOALS.firstLoadJsKb * 1000)}`,
      `${kb(js.initial)} + ${kb(js.afterHydration)}`,
      floor && !summary.floor ? `+${kb(js.total - floor.js.total)}` : "",
      summary.ttfbMs.toFixed(0),
      `${summary.lcpMs.toFixed(0)}${judge(summary.lcpMs <= GOALS.lcpMs)}`,
      `${summary.cls.toFixed(3)}${judge(summary.clsWorst <= GOALS.cls)}`,
      readsCell(summary),
    ]);
  }
  console.log(`\n${table(rows)}`);
  printNotes(summaries, floor);
}

function printNotes(summaries: readonly RouteSummary[], floor: RouteSummary | undefined): void {
  const encodings = [...new Set(summaries.flatMap((summary) => summary.encodings))].join(", ");
  console.log(`
Medians of the cold loads; ✓/✗ against the goal (CLS: the worst view).
  JS        compressed bytes as sent (${encodings}; next start leaves files under 1 kB uncompressed) of every
            script the view loaded until network idle, kB = 1000 B. "HTML + later": the scripts the HTML
            references (what Next.js calls First Load JS) + the scripts imported after hydration.
  vs floor  JS beyond the empty page of the same build, measured in the same run.
  TTFB      navigation responseStart. LCP: the last largest-contentful-paint entry. CLS: the worst
            session window of layout shifts without input.
  reads     Firestore reads billed per view, server + browser (each document, plus one per query that found
            none); in brackets the server's reads for the HTML alone, fetched without a browser; / the
            documents the page shows (store config, categories linked, product cards, the product, and the
            one document a listing reads past its page when it shows a "Next page" link).`);
  console.log("\nReads per view:");
  for (const summary of summaries) {
    const { render, server, browser } = summary.reads;
    const { shown } = summary;
    const shows = [
      `config ${shown.storeConfig}`,
      `categories ${shown.categories}`,
      `cards ${shown.productCards}`,
      shown.product ? `product ${shown.product}` : "",
      shown.nextPage ? `next-page look-ahead ${shown.nextPage}` : "",
    ].filter(Boolean);
    console.log(
      `  ${summary.name.padEnd(19)} HTML alone ${render.billed} (${render.documents} documents, ${render.queries} queries, ` +
        `${render.emptyQueries} empty) · in the browser view: server ${server} with ${summary.rscRequests} RSC ` +
        `(prefetch) requests, browser ${browser} · shows ${shows.join(", ")}`,
    );
  }
  console.log("\nLCP element (most common); for an image, the medians of its parts:");
  for (const summary of summaries) {
    const parts = summary.lcpParts;
    const split = parts
      ? `: TTFB ${summary.ttfbMs.toFixed(0)} · load delay ${parts.loadDelayMs.toFixed(0)} · ` +
        `load ${parts.loadMs.toFixed(0)} · render delay ${parts.renderDelayMs.toFixed(0)} ms`
      : "";
    console.log(`  ${summary.name.padEnd(19)} ${summary.lcpElement}${split}`);
  }
  console.log("\nLayout shifts of the worst view (element: x,y,width,height before → after):");
  for (const summary of summaries) {
    const shifts = summary.shifts.map(
      (shift) => `${shift.value.toFixed(5)} at ${shift.time.toFixed(0)} ms: ${shift.sources.join("; ")}`,
    );
    console.log(`  ${summary.name.padEnd(19)} ${shifts.length > 0 ? shifts.join(" | ") : "none"}`);
  }
  if (!floor) return;
  const floorPaths = new Set(floor.scripts.map((script) => script.path));
  console.log(`\nThe floor's scripts (${floor.path}):`);
  for (const script of floor.scripts) console.log(`  ${describeScript(script)}`);
  for (const summary of summaries) {
    if (summary.floor) continue;
    const extra = summary.scripts.filter((script) => !floorPaths.has(script.path));
    console.log(`${summary.name}: ${extra.length === 0 ? "no scripts" : "scripts"} beyond the floor's`);
    for (const script of extra) console.log(`  ${describeScript(script)}`);
  }
}

function describeScript(script: ScriptSize): string {
  const when = script.initial ? "HTML" : "later";
  const contains = script.contains.length > 0 ? `  ${script.contains.join(", ")}` : "";
  return `${kb(script.encodedBytes).padStart(6)} kB (${kb(script.decodedBytes).padStart(6)} raw) ${when.padEnd(5)} ${script.path}${contains}`;
}
