// The page-load benchmark's medians as figures for `npm run bench`, judged by the goals the
// benchmark prints (web-report.ts GOALS; reads: no more than the documents the page shows).
import type { Figure } from "./figures";
import { GOALS, type RouteSummary } from "./web-report";

const slug = (name: string) => (name.startsWith("empty page") ? "floor" : name.replace(/\s+/g, "-"));

export function webFigures(summaries: readonly RouteSummary[]): Figure[] {
  return summaries.flatMap((summary): Figure[] => {
    const id = (name: string) => `web.${slug(summary.name)}.${name}`;
    const label = (what: string) => `${summary.path} ${what}`;
    const jsKb = Number((summary.js.total / 1000).toFixed(1));
    const js: Figure = {
      id: id("firstLoadJsKb"),
      bench: "web",
      label: label("first-load JS, compressed"),
      value: jsKb,
      unit: "kB",
      better: "lower",
    };
    // The floor is the reference the pages are compared with, not a page the goals are about.
    if (summary.floor) return [js];
    return [
      { ...js, goal: `≤ ${GOALS.firstLoadJsKb} kB`, ok: summary.js.total <= GOALS.firstLoadJsKb * 1000 },
      {
        id: id("lcpMs"),
        bench: "web",
        label: label("LCP"),
        value: Math.round(summary.lcpMs),
        unit: "ms",
        goal: `≤ ${GOALS.lcpMs} ms`,
        ok: summary.lcpMs <= GOALS.lcpMs,
        better: "lower",
      },
      {
        id: id("cls"),
        bench: "web",
        label: label("CLS, worst view"),
        value: Number(summary.clsWorst.toFixed(4)),
        unit: "",
        goal: String(GOALS.cls),
        ok: summary.clsWorst <= GOALS.cls,
        better: "lower",
      },
      {
        id: id("ttfbMs"),
        bench: "web",
        label: label("TTFB"),
        value: Math.round(summary.ttfbMs),
        unit: "ms",
        better: "lower",
      },
      {
        id: id("readsPerView"),
        bench: "web",
        label: label("Firestore reads per view"),
        value: summary.reads.view,
        unit: "reads",
        goal: `≤ ${summary.shown.total} (documents shown)`,
        ok: summary.reads.view <= summary.shown.total,
        better: "lower",
      },
    ];
  });
}
