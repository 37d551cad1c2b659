// One cold page view in headless Chromium: a fresh browser context (empty cache, no cookies, no
// storage), loaded until the network is idle and the page has settled, then measured.
import type { Browser, Request } from "playwright-core";
import { z } from "zod";
import type { CountingProxy } from "./web-proxy";
import type { ReadCount } from "./web-read-tally";

export const VIEWPORT = { width: 1280, height: 800 } as const;
/**
 * After `networkidle` (no request for 500 ms): React reveals streamed Suspense boundaries up to
 * 300 ms apart, and a late reveal is exactly what would shift the layout, so wait well past that.
 */
export const SETTLE_MS = 1_500;

export interface ScriptLoad {
  url: string;
  /** Bytes of the body as sent (compressed), without headers. */
  encodedBytes: number;
  /** Bytes after decompression. */
  decodedBytes: number;
  /** The response's Content-Encoding, "identity" when none. */
  encoding: string;
  /** Referenced by the HTML (script tag or preload); otherwise imported later, at run time. */
  initial: boolean;
  /** Libraries recognised in the chunk, to say what a heavy chunk holds (see LIBRARY_MARKERS). */
  contains: string[];
}

/**
 * Strings that only the named library's code carries, for naming chunks in the report. Turbopack's
 * production chunks keep no module paths, so this is the cheap way to tell what is in them.
 */
const LIBRARY_MARKERS: readonly (readonly [string, RegExp])[] = [
  ["react-dom", /react-dom/],
  ["next app router", /next-router/],
  ["firebase/auth", /identitytoolkit\.googleapis\.com/],
  ["@firebase/app", /@firebase\/app"/],
  ["firebase/firestore", /google\.firestore\.v1\.Firestore/],
  ["firebase/storage", /firebasestorage\.googleapis\.com/],
  ["zod", /ZodError/],
];

export interface Shown {
  /** config/store: the store name in the header (every page). */
  storeConfig: number;
  /** Distinct categories linked from the page's main content (navigation, breadcrumb). */
  categories: number;
  /** Product cards in the main content. */
  productCards: number;
  /** The product of a product page. */
  product: number;
  /** A "Next page" link: a listing reads one document past the page to know it has one. */
  nextPage: number;
}

export interface ViewSample {
  status: number;
  ttfbMs: number;
  lcpMs: number;
  lcpElement: string;
  /**
   * Where the LCP time went, as web.dev splits it: TTFB, then the wait before the LCP resource
   * (an image) started loading, its loading, and the wait from loaded to painted. Text: no resource.
   */
  lcpParts: { loadDelayMs: number; loadMs: number; renderDelayMs: number } | null;
  cls: number;
  /** Each layout shift: when, how much, and which elements moved (x,y,width,height before → after). */
  shifts: { time: number; value: number; sources: string[] }[];
  /** The HTML document as sent (compressed), for context: it carries the inlined RSC payload. */
  documentBytes: number;
  scripts: ScriptLoad[];
  /** Requests for React Server Component payloads (link prefetches) during the view. */
  rscRequests: string[];
  shown: Shown;
  reads: { server: ReadCount; browser: ReadCount };
}

// Runs in the page before any of its scripts, so the observers see every entry from the start.
const OBSERVERS = `(() => {
  const state = { lcp: null, shifts: [] };
  Object.defineProperty(window, "__hearthBench", { value: state });
  const describe = (node) => {
    if (!node || !node.tagName) return "(gone)";
    const id = node.id ? "#" + node.id : "";
    const testId = node.getAttribute("data-testid");
    const cls = typeof node.className === "string" && node.className.trim() ? "." + node.className.trim().split(/\\s+/)[0] : "";
    return node.tagName.toLowerCase() + id + (testId ? "[data-testid=" + testId + "]" : cls);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.lcp = { time: entry.startTime, element: describe(entry.element), url: entry.url || null };
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const moved = (entry.sources || []).map((source) => {
        const [from, to] = [source.previousRect, source.currentRect];
        return describe(source.node) + " " + [from.x, from.y, from.width, from.height].join(",") + " → " + [to.x, to.y, to.width, to.height].join(",");
      });
      state.shifts.push({ time: entry.startTime, value: entry.value, sources: moved });
    }
  }).observe({ type: "layout-shift", buffered: true });
})();`;

const READ_METRICS = `(() => {
  const state = window.__hearthBench;
  const navigation = performance.getEntriesByType("navigation")[0];
  const main = document.querySelector("main");
  const within = (selector) => (main ? Array.from(main.querySelectorAll(selector)) : []);
  const categories = new Set(within('a[href^="/categories/"]').map((a) => a.getAttribute("href").split("?")[0]));
  const image = state.lcp && state.lcp.url ? performance.getEntriesByName(state.lcp.url)[0] : null;
  return {
    ttfb: navigation ? navigation.responseStart : null,
    lcp: state.lcp,
    lcpResource: image ? { startTime: image.startTime, responseEnd: image.responseEnd } : null,
    shifts: state.shifts,
    shown: {
      storeConfig: document.querySelector('[data-testid="store-name"]') ? 1 : 0,
      categories: categories.size,
      productCards: within('[data-testid="product-card"]').length,
      product: document.querySelector("#product-title") ? 1 : 0,
      nextPage: within('a[rel="next"]').length > 0 ? 1 : 0,
    },
  };
})()`;

const metricsSchema = z.object({
  ttfb: z.number(),
  lcp: z.object({ time: z.number(), element: z.string() }).nullable(),
  lcpResource: z.object({ startTime: z.number(), responseEnd: z.number() }).nullable(),
  shifts: z.array(z.object({ time: z.number(), value: z.number(), sources: z.array(z.string()) })),
  shown: z.object({
    storeConfig: z.number(),
    categories: z.number(),
    productCards: z.number(),
    product: z.number(),
    nextPage: z.number(),
  }),
});

/** Cumulative Layout Shift as Core Web Vitals define it: the worst session window of shifts. */
export function cumulativeLayoutShift(shifts: readonly { time: number; value: number }[]): number {
  let worst = 0;
  let current = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.time - b.time)) {
    if (shift.time - previous > 1_000 || shift.time - windowStart > 5_000) {
      current = 0;
      windowStart = shift.time;
    }
    current += shift.value;
    previous = shift.time;
    worst = Math.max(worst, current);
  }
  return worst;
}

function lcpParts({ ttfb, lcp, lcpResource }: z.infer<typeof metricsSchema>): ViewSample["lcpParts"] {
  if (!lcp || !lcpResource || lcpResource.responseEnd === 0) return null;
  return {
    loadDelayMs: lcpResource.startTime - ttfb,
    loadMs: lcpResource.responseEnd - lcpResource.startTime,
    renderDelayMs: lcp.time - lcpResource.responseEnd,
  };
}

async function scriptLoad(request: Request): Promise<Omit<ScriptLoad, "initial"> | null> {
  const response = await request.response();
  if (!response) return null;
  const [sizes, body] = await Promise.all([request.sizes(), response.body()]);
  return {
    url: request.url(),
    encodedBytes: sizes.responseBodySize,
    decodedBytes: body.length,
    encoding: response.headers()["content-encoding"] ?? "identity",
    contains: LIBRARY_MARKERS.filter(([, marker]) => marker.test(body.toString("utf8"))).map(
      ([name]) => name,
    ),
  };
}

export async function measureView(
  browser: Browser,
  url: string,
  proxies: { server: CountingProxy; browser: CountingProxy },
): Promise<ViewSample> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: "block" });
  try {
    await context.addInitScript({ content: OBSERVERS });
    const page = await context.newPage();
    const scripts: Promise<Omit<ScriptLoad, "initial"> | null>[] = [];
    const rscRequests: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["rsc"] === "1") rscRequests.push(request.url());
    });
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(scriptLoad(request));
    });
    proxies.server.tally.reset();
    proxies.browser.tally.reset();
    const response = await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
    if (!response) throw new Error(`No response for ${url}`);
    await page.waitForTimeout(SETTLE_MS);
    const metrics = metricsSchema.parse(await page.evaluate(READ_METRICS));
    const reads = { server: proxies.server.tally.count(), browser: proxies.browser.tally.count() };
    const html = await response.text();
    const loaded = (await Promise.all(scripts)).filter((script) => script !== null);
    return {
      status: response.status(),
      ttfbMs: metrics.ttfb,
      lcpMs: metrics.lcp?.time ?? Number.NaN,
      lcpElement: metrics.lcp?.element ?? "(none)",
      lcpParts: lcpParts(metrics),
      cls: cumulativeLayoutShift(metrics.shifts),
      shifts: metrics.shifts,
      documentBytes: (await response.request().sizes()).responseBodySize,
      scripts: loaded.map((script) => ({ ...script, initial: html.includes(new URL(script.url).pathname) })),
      rscRequests,
      shown: metrics.shown,
      reads,
    };
  } finally {
    await context.close();
  }
}
