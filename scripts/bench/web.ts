// Storefront page-load benchmark: `npm run bench:web` (inside emulators:exec, see package.json).
// Builds apps/web for production, seeds the demo store, serves the build with `next start` and
// loads each route cold in headless Chromium BENCH_WEB_RUNS times (default 5), through proxies that
// count the Firestore documents the Next.js server and the browser read. Prints the medians beside
// the goals and writes every sample to bench-results/web.json. A measurement, not a test: it exits
// non-zero only when it could not measure.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../../tests/e2e/support/browser";
import type { WebServer } from "../../tests/e2e/support/web-server";
import { seedDemoStore } from "./demo-seed";
import { writeFigures } from "./figures";
import { env } from "./support";
import { startChannelProxy } from "./web-channel-proxy";
import { startGrpcProxy } from "./web-grpc-proxy";
import { benchDistDir, buildWeb, builtFirestoreHost } from "./web-production-build";
import type { CountingProxy } from "./web-proxy";
import type { ReadCount } from "./web-read-tally";
import { webFigures } from "./web-figures";
import { printReport, summarize, type BenchEnvironment, type RouteSamples } from "./web-report";
import { ROUTES, type BenchRoute } from "./web-routes";
import { serveBuild } from "./web-serve";
import { measureView, VIEWPORT } from "./web-view";

const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
/** BENCH_WEB_REUSE_BUILD=1 serves the previous bench build again: for work on the benchmark itself. */
const REUSE_BUILD = process.env.BENCH_WEB_REUSE_BUILD === "1";
const OFFSET = Number(process.env.HEARTH_PORT_OFFSET ?? 0);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const resultsDir = path.join(root, "bench-results");

function nextVersion(): string {
  const manifest = createRequire(path.join(root, "apps/web/package.json")).resolve("next/package.json");
  const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
  return typeof parsed === "object" && parsed !== null && "version" in parsed ? String(parsed.version) : "?";
}

function step(message: string): void {
  console.log(`  ${message}`);
}

/** Waits until no read has passed the proxy for a while (e.g. a render an aborted request left). */
async function quiet(proxy: CountingProxy, forMs = 1_000): Promise<void> {
  let last = JSON.stringify(proxy.tally.count());
  let since = Date.now();
  while (Date.now() - since < forMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(proxy.tally.count());
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/** The server's reads for the HTML alone (no browser, so no prefetches and no client reads). */
async function renderReads(url: string, proxy: CountingProxy): Promise<ReadCount> {
  await quiet(proxy);
  proxy.tally.reset();
  const response = await fetch(url);
  await response.text();
  await quiet(proxy);
  return proxy.tally.count();
}

async function main(): Promise<void> {
  const firestore = env("FIRESTORE_EMULATOR_HOST");
  env("FIREBASE_AUTH_EMULATOR_HOST");
  env("FIREBASE_STORAGE_EMULATOR_HOST");
  mkdirSync(resultsDir, { recursive: true });
  const distDir = benchDistDir(OFFSET);

  console.log(
    `Web benchmark: production build, demo seed, ${RUNS} cold loads per route in headless Chromium`,
  );
  const builtHost = REUSE_BUILD ? builtFirestoreHost(distDir) : null;
  if (REUSE_BUILD && !builtHost) throw new Error(`No bench build in apps/web/${distDir} to reuse`);
  // The browser's Firestore host is inlined at build time, so its proxy exists before the build.
  const browserPort = builtHost ? Number(builtHost.slice(builtHost.lastIndexOf(":") + 1)) : 0;
  const browserProxy = await startChannelProxy(firestore, browserPort);
  const serverProxy = await startGrpcProxy(firestore);
  const proxies = { server: serverProxy, browser: browserProxy };
  let server: WebServer | null = null;
  try {
    if (builtHost) {
      step(`reusing the build in apps/web/${distDir}`);
    } else {
      const logFile = path.join(resultsDir, "web-build.log");
      step(`next build into apps/web/${distDir} (log: ${path.relative(root, logFile)})…`);
      const started = performance.now();
      await buildWeb({ distDir, firestoreHost: browserProxy.host, logFile });
      step(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    step("seeding the demo store (the image pipeline makes its product images)…");
    await seedDemoStore((line) => step(`  ${line}`));
    server = await serveBuild(distDir, serverProxy.host);
    step(
      `next start on ${server.url}; Firestore via counting proxies (server ${serverProxy.host}, browser ${browserProxy.host})`,
    );

    const samples = new Map<BenchRoute, RouteSamples>();
    for (const route of ROUTES) {
      const url = `${server.url}${route.path}`;
      // The first request of a route loads its server code; the second is the one counted.
      await renderReads(url, serverProxy);
      samples.set(route, { route, render: await renderReads(url, serverProxy), views: [] });
    }
    const browser = await launchBrowser();
    const loadAtStart = os.loadavg()[0] ?? 0;
    let environment: BenchEnvironment;
    try {
      // One discarded view per route warms Chromium and the emulators' image serving.
      for (const route of ROUTES) await measureView(browser, `${server.url}${route.path}`, proxies);
      // Rounds over all routes rather than runs in a row, so load from elsewhere spreads evenly.
      for (let run = 1; run <= RUNS; run++) {
        for (const route of ROUTES) {
          samples.get(route)?.views.push(await measureView(browser, `${server.url}${route.path}`, proxies));
        }
        step(`round ${run}/${RUNS} done`);
      }
      environment = {
        chromium: browser.version(),
        next: nextVersion(),
        viewport: VIEWPORT,
        cpus: os.cpus().length,
        loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
      };
    } finally {
      await browser.close();
    }
    const problems = [...serverProxy.problems, ...browserProxy.problems];
    if (problems.length > 0) throw new Error(`The read counts are unreliable:\n${problems.join("\n")}`);

    const summaries = [...samples.values()].map(summarize);
    printReport(summaries, environment);
    const file = path.join(resultsDir, "web.json");
    const results = {
      measuredAt: new Date().toISOString(),
      runs: RUNS,
      distDir,
      environment,
      routes: summaries,
    };
    writeFileSync(file, `${JSON.stringify({ ...results, samples: [...samples.values()] }, null, 2)}\n`);
    console.log(`\nEvery sample: ${path.relative(root, file)}`);
    writeFigures({
      bench: "web",
      measuredAt: results.measuredAt,
      figures: webFigures(summaries),
      details: results,
    });
  } finally {
    await server?.stop();
    await Promise.all([serverProxy.close(), browserProxy.close()]);
  }
}

main().catch((error: unknown) => {
  console.error("bench:web could not measure:", error);
  process.exit(1);
});
