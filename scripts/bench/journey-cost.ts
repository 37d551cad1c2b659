// Cost per shopper journey: `npm run bench:cost` (cost-session.ts starts the emulators with the
// functions metered). Builds (or with BENCH_WEB_REUSE_BUILD=1 reuses) the storefront's bench build,
// seeds the demo store, serves it with `next start`, and walks BENCH_JOURNEYS journeys (default 3,
// after a warm-up) in headless Chromium, counting Firestore reads and writes (Next.js server,
// browser, functions, security rules), function invocations and their durations, Storage
// downloads and the storefront's requests and bytes. Prints what one journey costs at list prices,
// per 1 M journeys and per 1 M requests beside the seed's table, and the seed's Black Friday;
// writes bench-results/cost.figures.json.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getFirestore } from "firebase-admin/firestore";
import { parse } from "yaml";
import { z } from "zod";
import { adminApp } from "../../tests/e2e/support/admin";
import { createAccount } from "../../tests/e2e/support/auth-emulator";
import { launchBrowser } from "../../tests/e2e/support/browser";
import { storefrontOrigin } from "../../tests/e2e/support/storefront";
import type { WebServer } from "../../tests/e2e/support/web-server";
import { categories } from "../seed/catalog";
import { products } from "../seed/products";
import { costLines, total, usageOf, type Deployment, type JourneySample } from "./cost-model";
import { costFigures, printCost, type CostResult } from "./cost-report";
import { seedDemoStore } from "./demo-seed";
import { writeFigures } from "./figures";
import { functionMemory, FunctionsLog } from "./functions-log";
import { runJourney, type JourneyPlan } from "./journey-flow";
import { cpuSeconds, serverTree } from "./process-cpu";
import { env } from "./support";
import { startChannelProxy } from "./web-channel-proxy";
import { startGrpcProxy } from "./web-grpc-proxy";
import { benchDistDir, buildWeb, builtFirestoreHost } from "./web-production-build";
import type { CountingProxy } from "./web-proxy";
import { serveBuild } from "./web-serve";

const JOURNEYS = Math.max(1, Number(process.env.BENCH_JOURNEYS ?? 3));
const PEAK_HOURS = Number(process.env.BENCH_PEAK_HOURS ?? 6);
const REUSE_BUILD = process.env.BENCH_WEB_REUSE_BUILD === "1";
const OFFSET = Number(process.env.HEARTH_PORT_OFFSET ?? 0);
/** Nothing counted for this long after the order is paid: the saga's last triggers have run. */
const QUIET_MS = 2_500;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const portOf = (host: string) => Number(host.slice(host.lastIndexOf(":") + 1));

/**
 * Reads billed by the security rules' get() calls: creating an order reads config/store
 * (maxUnitsPerProduct), and each listener on an order's events reads the order (its owner).
 */
function rulesReadsIn(path: string, body: string): number {
  const ordersCreated = /\/Write\/channel|:commit/.test(path)
    ? [...body.matchAll(/"update"\s*:\s*\{\s*"name"\s*:\s*"projects\/[^"]+\/documents\/orders\/[^"/]+"/g)]
        .length
    : 0;
  const eventListeners = path.includes("/Listen/channel")
    ? body.split("addTarget").filter((target) => /"collectionId"\s*:\s*"events"/.test(target)).length
    : 0;
  return ordersCreated + eventListeners;
}

function appHostingRunConfig(): Deployment["appHosting"] {
  const yaml: unknown = parse(readFileSync(path.join(root, "apphosting.yaml"), "utf8"));
  const { runConfig } = z
    .object({ runConfig: z.object({ cpu: z.number(), memoryMiB: z.number() }) })
    .parse(yaml);
  return runConfig;
}

/** The first category's two best-stocked active products: enough units for every journey. */
function journeyProducts(): { category: JourneyPlan["category"]; names: [string, string] } {
  const category = [...categories].sort((a, b) => a.position - b.position)[0];
  const names = products
    .filter((p) => p.categoryId === category?.id && (p.status ?? "active") === "active")
    .sort((a, b) => b.stock - a.stock)
    .map((p) => p.name);
  const [first, second] = names;
  if (!category || !first || !second)
    throw new Error("The demo seed has no category with two active products");
  return { category: { name: category.name, slug: category.slug }, names: [first, second] };
}

async function returningShopper(index: number): Promise<JourneyPlan["account"]> {
  const email = `journey-${Date.now()}-${index}@example.test`;
  const account = await createAccount(email, "journey-password-1", "Jo Journey");
  await getFirestore(adminApp())
    .doc(`users/${account.uid}`)
    .update({
      defaultAddress: {
        name: "Jo Journey",
        line1: "1 Market St",
        city: "Portland",
        postalCode: "97205",
        country: "US",
      },
    });
  return account;
}

/** Resolves once no function runs and no count has moved for QUIET_MS. */
async function quiet(log: FunctionsLog, mark: number, proxies: readonly CountingProxy[]): Promise<void> {
  const state = () => JSON.stringify([log.since(mark), proxies.map((proxy) => proxy.tally.count())]);
  let [last, since] = [state(), Date.now()];
  const deadline = Date.now() + 120_000;
  while (Date.now() - since < QUIET_MS || log.since(mark).running > 0) {
    if (Date.now() > deadline) throw new Error("The journey's functions never settled");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = state();
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

async function main(): Promise<void> {
  const firestore = env("FIRESTORE_EMULATOR_HOST");
  const log = new FunctionsLog(env("HEARTH_BENCH_FUNCTIONS_LOG"));
  const functionsProxy = await startGrpcProxy(firestore, portOf(env("HEARTH_BENCH_FUNCTIONS_FIRESTORE")));
  const distDir = benchDistDir(OFFSET);
  const builtHost = REUSE_BUILD ? builtFirestoreHost(distDir) : null;
  if (REUSE_BUILD && !builtHost) throw new Error(`No bench build in apps/web/${distDir} to reuse`);
  let rulesReads = 0;
  const browserProxy = await startChannelProxy(firestore, builtHost ? portOf(builtHost) : 0, (p, body) => {
    rulesReads += rulesReadsIn(p, body);
  });
  const serverProxy = await startGrpcProxy(firestore);
  const proxies = [functionsProxy, browserProxy, serverProxy];
  let server: WebServer | null = null;
  try {
    console.log(
      `Cost benchmark: ${JOURNEYS} shopper journeys in headless Chromium after a warm-up, counted on the emulators`,
    );
    if (!builtHost) {
      console.log(`  next build into apps/web/${distDir}…`);
      const logFile = path.join(root, "bench-results", "cost-build.log");
      await buildWeb({ distDir, firestoreHost: browserProxy.host, logFile });
    }
    console.log("  seeding the demo store (the image pipeline makes its product images)…");
    await seedDemoStore((line) => console.log(`    ${line}`));
    // Where the functions send the shopper to pay (STOREFRONT_URL): the same origin keeps the session.
    const origin = storefrontOrigin();
    const port = Number(origin.port);
    server = await serveBuild(distDir, serverProxy.host, port);
    const tree = serverTree(port);
    const deployment: Deployment = {
      functionMemoryMiB: await functionMemory(),
      functionCpu: 1,
      appHosting: appHostingRunConfig(),
    };
    const hub: unknown = await (await fetch(`http://${env("FIREBASE_EMULATOR_HUB")}/emulators`)).json();
    const fn = z.object({ functions: z.object({ host: z.string(), port: z.number() }) }).parse(hub).functions;
    const { category, names } = journeyProducts();
    const browser = await launchBrowser();
    const samples: JourneySample[] = [];
    try {
      for (let index = 0; index <= JOURNEYS; index++) {
        const plan: JourneyPlan = {
          origin: origin.origin,
          category,
          products: names,
          account: await returningShopper(index),
          hosts: {
            storage: env("FIREBASE_STORAGE_EMULATOR_HOST"),
            auth: env("FIREBASE_AUTH_EMULATOR_HOST"),
            firestore: browserProxy.host,
            functions: `${fn.host}:${fn.port}`,
          },
        };
        await quiet(log, log.mark(), proxies);
        for (const proxy of proxies) proxy.tally.reset();
        rulesReads = 0;
        const [mark, cpuBefore, started] = [log.mark(), tree ? cpuSeconds(tree) : 0, performance.now()];
        const { requests } = await runJourney(browser, plan, () => quiet(log, mark, proxies));
        samples.push({
          firestore: {
            server: serverProxy.tally.count(),
            browser: browserProxy.tally.count(),
            functions: functionsProxy.tally.count(),
            rulesReads,
          },
          invocations: log.since(mark).done,
          requests,
          serverCpuSeconds: tree ? cpuSeconds(tree) - cpuBefore : null,
          wallSeconds: (performance.now() - started) / 1000,
        });
        console.log(`  journey ${index === 0 ? "warm-up" : `${index}/${JOURNEYS}`} done`);
      }
    } finally {
      await browser.close();
    }
    const problems = proxies.flatMap((proxy) => proxy.problems);
    if (problems.length > 0) throw new Error(`The counts are unreliable:\n${problems.join("\n")}`);
    const cutOff = browserProxy.cutOff?.() ?? 0;
    if (cutOff > 0) {
      console.log(
        `  ${cutOff} browser requests to Firestore were cut off before any answer (pages left, browsers closed)`,
      );
    }
    const measured = samples.slice(1).map((sample) => {
      const usage = usageOf(sample, deployment);
      const lines = costLines(usage, deployment);
      return { sample, usage, lines, total: total(lines) };
    });
    const byCost = [...measured].sort((a, b) => a.total - b.total);
    const chosen = byCost[Math.floor((byCost.length - 1) / 2)];
    if (!chosen) throw new Error("No journey measured");
    const { firestore: counts } = chosen.sample;
    const result: CostResult = {
      journeys: JOURNEYS,
      usage: chosen.usage,
      lines: chosen.lines,
      totals: measured.map((m) => m.total),
      peakHours: PEAK_HOURS,
      firestoreBySource: {
        server: { reads: counts.server.billed, writes: counts.server.writes },
        browser: { reads: counts.browser.billed, writes: counts.browser.writes },
        functions: { reads: counts.functions.billed, writes: counts.functions.writes },
        rules: { reads: counts.rulesReads, writes: 0 },
      },
    };
    if (!tree)
      console.error("No /proc: the storefront server's CPU is not counted (App Hosting compute = 0)");
    printCost(result);
    writeFigures({
      bench: "cost",
      measuredAt: new Date().toISOString(),
      figures: costFigures(result),
      details: { ...result, samples: measured.map((m) => ({ ...m.sample, usage: m.usage, total: m.total })) },
    });
  } finally {
    await server?.stop();
    await Promise.all(proxies.map((proxy) => proxy.close()));
  }
}

main().catch((error: unknown) => {
  console.error("bench:cost could not measure:", error);
  process.exit(1);
});
