// Prints the cost benchmark's counts and costs beside the seed's table, and turns them into figures.
import { blackFriday, total, type CostLine, type JourneyUsage } from "./cost-model";
import type { Figure } from "./figures";
import { BLACK_FRIDAY, CLOUD_RUN_CPU_TARGET, describePrice, PRICES, SEED_TABLE, type Price } from "./prices";

export interface CostResult {
  journeys: number;
  usage: JourneyUsage;
  lines: CostLine[];
  /** Cost of each measured journey, for the spread. */
  totals: number[];
  peakHours: number;
  firestoreBySource: Record<"server" | "browser" | "functions" | "rules", { reads: number; writes: number }>;
}

const usd = (value: number, digits = 2) =>
  `$${value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function perRequest(result: CostResult): number {
  return total(result.lines) / Math.max(1, result.usage.appRequests);
}

export function printCost(result: CostResult): void {
  const { usage, lines } = result;
  const journey = total(lines);
  const bySource = result.firestoreBySource;
  const f = usage.functions;
  console.log(`
One shopper journey: home → a category → two products (one of each into the cart) → cart → sign in at
checkout (a returning shopper with a saved address) → place the order → pay → the order page, paid.
Fresh browser each time (a first visit: nothing cached). The journey whose cost is the median of ${result.journeys}
(range ${usd(Math.min(...result.totals) * 1e6)}–${usd(Math.max(...result.totals) * 1e6)} per 1 M journeys), after a warm-up journey.

Counted in one journey
  Firestore      ${usage.firestore.reads} reads = Next.js server ${bySource.server.reads} + browser ${bySource.browser.reads} + functions ${bySource.functions.reads} + security rules' get() ${bySource.rules.reads}
                 ${usage.firestore.writes} writes = browser ${bySource.browser.writes} + functions ${bySource.functions.writes}; ${usage.firestore.deletes} deletes
  Functions      ${f.invocations} invocations: ${f.byFunction.map((u) => `${u.fn} ${u.invocations}× ~${Math.round(u.medianMs)} ms (${u.memoryMiB} MiB)`).join(", ")}
                 billed ${f.vcpuSeconds.toFixed(1)} vCPU-s (= ${f.ghzSeconds.toFixed(1)} GHz-s) and ${f.gibSeconds.toFixed(2)} GiB-s: each invocation rounded up to 100 ms, none sharing an instance
  Storage        ${usage.storage.downloads} image downloads, ${kb(usage.storage.bytes)}
  App Hosting    ${usage.appRequests} requests: ${usage.app.cacheable.requests} cacheable (${kb(usage.app.cacheable.bytes)}, CDN), ${usage.app.rendered.requests} rendered (${kb(usage.app.rendered.bytes)})
                 server CPU ${usage.app.serverCpuSeconds.toFixed(2)} s → ${usage.app.instanceSeconds.toFixed(2)} s of instance time at Cloud Run's ${CLOUD_RUN_CPU_TARGET * 100} % CPU target
  not priced     ${usage.notBilled.auth} Auth requests (email/password sign-in has no per-use price); ${usage.notBilled.payPage} request(s) of the
                 emulators' test pay page (Stripe's page in production; the webhook it sends is counted above)
`);
  const products = ["Firestore", "Cloud Functions", "Cloud Storage", "App Hosting"] as const;
  console.log("Cost                 per journey     per 1 M journeys a month");
  for (const product of products) {
    const part = total(lines.filter((line) => line.product === product));
    console.log(`  ${product.padEnd(18)} ${usd(part, 6).padStart(11)}     ${usd(part * 1e6).padStart(10)}`);
  }
  console.log(
    `  ${"total".padEnd(18)} ${usd(journey, 6).padStart(11)}     ${usd(journey * 1e6).padStart(10)}`,
  );

  const request = perRequest(result);
  console.log(`
Per request: a journey sends ${usage.appRequests} requests to the storefront (it also talks to Firestore, Storage and Auth
directly), so 1 M requests a month ≈ ${(1e6 / usage.appRequests).toFixed(0)} journeys ≈ ${usd(request * 1e6)}.
  The seed's table, per 1 M requests a month: ${SEED_TABLE.map((row) => `${row.hosting} ${usd(row.low, 0)}–${usd(row.high, 0)}`).join(", ")}; Hearth ${usd(request * 1e6)}.`);
  const bf = blackFriday(request, BLACK_FRIDAY, result.peakHours);
  console.log(`
Black Friday (the seed's: ${BLACK_FRIDAY.normalPerSecond} requests/s normally, ${BLACK_FRIDAY.peakPerSecond.toLocaleString("en-US")} at the sale's peak), at ${usd(request * 1e6)} per 1 M requests:
  the peak costs ${usd(bf.peakHour)} an hour; a normal month ${usd(bf.normalMonth)}; the month with a ${result.peakHours}-hour peak (BENCH_PEAK_HOURS) ${usd(bf.monthWithPeak)}.
  Serverless bills per use: nothing is provisioned for the peak, and nothing is paid for it the rest of the month.`);
  console.log("\nPrices (USD list prices, free tiers left out):");
  const prices: [string, Price][] = Object.entries(PRICES);
  for (const [, price] of prices) {
    console.log(
      `  ${describePrice(price)} (${price.source}, read ${price.taken})${price.caveat ? `\n      ! ${price.caveat}` : ""}`,
    );
  }
  console.log(
    `  Assumed: functions get 1 vCPU each (firebase-functions' default up to 2 GiB); App Hosting's server as apphosting.yaml ` +
      `sets it; Cloud Run instance time = server CPU ÷ ${CLOUD_RUN_CPU_TARGET}.`,
  );
}

export function costFigures(result: CostResult): Figure[] {
  const { usage, lines } = result;
  const journey = total(lines);
  const request = perRequest(result);
  const bf = blackFriday(request, BLACK_FRIDAY, result.peakHours);
  const round = (value: number, digits = 2) => Number(value.toFixed(digits));
  const figure = (
    id: string,
    label: string,
    value: number,
    unit: string,
    extra: Partial<Figure> = {},
  ): Figure => ({
    id: `cost.${id}`,
    bench: "cost",
    label,
    value,
    unit,
    better: "lower",
    ...extra,
  });
  const serverless = SEED_TABLE.find((row) => row.hosting === "serverless")?.high ?? 20;
  return [
    figure("journey.firestoreReads", "Firestore reads per journey", usage.firestore.reads, "reads"),
    figure("journey.firestoreWrites", "Firestore writes per journey", usage.firestore.writes, "writes"),
    figure(
      "journey.functionInvocations",
      "function invocations per journey",
      usage.functions.invocations,
      "calls",
    ),
    figure(
      "journey.functionGibSeconds",
      "function GiB-seconds per journey",
      round(usage.functions.gibSeconds, 3),
      "GiB-s",
    ),
    figure("journey.storageKb", "Storage downloaded per journey", round(usage.storage.bytes / 1000, 1), "kB"),
    figure("journey.appRequests", "storefront requests per journey", usage.appRequests, "requests"),
    figure("perMillionJourneys", "cost of 1 M journeys a month", round(journey * 1e6), "USD"),
    figure("perMillionRequests", "cost per 1 M storefront requests", round(request * 1e6), "USD", {
      goal: `≤ $${serverless} (seed: serverless $0–${serverless})`,
      ok: request * 1e6 <= serverless,
    }),
    figure("blackFriday.peakHour", "Black Friday: an hour at 5,000 requests/s", round(bf.peakHour), "USD"),
    figure(
      "blackFriday.month",
      `Black Friday month (${result.peakHours} h peak)`,
      round(bf.monthWithPeak),
      "USD",
    ),
  ];
}
