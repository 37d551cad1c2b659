// List prices the cost benchmark (journey-cost.ts) multiplies its counts by, in USD, each with its
// unit, source and the date it was read. Free tiers are left out on purpose: at a million journeys
// a month they are a rounding error, and a bill per journey should not depend on them.

export interface Price {
  /** "$<usd> per <per> <unit>". */
  usd: number;
  per: number;
  unit: string;
  source: string;
  /** When the price was read (from a stored copy of the page; this machine has no network). */
  taken: string;
  /** Set when the figure is an assumption or comes from a secondary source: say why. */
  caveat?: string;
}

const TAKEN = "2026-11-28";
const APP_HOSTING_COSTS = "https://firebase.google.com/docs/app-hosting/costs";
const STORAGE_PRICING = "https://cloud.google.com/storage/pricing-examples";
const FIRESTORE_PRICING = "https://firebase.google.com/docs/firestore/pricing";

export const PRICES = {
  firestoreRead: {
    usd: 0.06,
    per: 100_000,
    unit: "document reads",
    source: FIRESTORE_PRICING,
    taken: TAKEN,
    caveat:
      "nam5 multi-region (the location README's deploy step creates); the per-location table did not load " +
      "offline, so this is the multi-region price the Firebase docs quote; a regional database (us-central1) " +
      "costs half (secondary source: airbyte.com Firestore pricing guide)",
  },
  firestoreWrite: {
    usd: 0.18,
    per: 100_000,
    unit: "document writes",
    source: FIRESTORE_PRICING,
    taken: TAKEN,
    caveat: "nam5 multi-region, as for reads",
  },
  firestoreDelete: {
    usd: 0.02,
    per: 100_000,
    unit: "document deletes",
    source: FIRESTORE_PRICING,
    taken: TAKEN,
    caveat: "nam5 multi-region, as for reads",
  },
  // Cloud Functions (2nd gen) are Cloud Run services and are billed at Cloud Run's prices
  // (https://cloud.google.com/functions/pricing-1stgen points there); Tier 1 (us-central1).
  runVcpuSecond: { usd: 0.000024, per: 1, unit: "vCPU-second", source: APP_HOSTING_COSTS, taken: TAKEN },
  runGibSecond: { usd: 0.0000025, per: 1, unit: "GiB-second", source: APP_HOSTING_COSTS, taken: TAKEN },
  runRequest: { usd: 0.4, per: 1_000_000, unit: "requests", source: APP_HOSTING_COSTS, taken: TAKEN },
  storageEgress: {
    usd: 0.12,
    per: 1,
    unit: "GB downloaded",
    source: STORAGE_PRICING,
    taken: TAKEN,
    caveat: "internet data transfer from a North American bucket, first TiB (the pricing examples' rate)",
  },
  storageClassB: {
    usd: 0.0004,
    per: 1_000,
    unit: "Class B operations (downloads)",
    source: STORAGE_PRICING,
    taken: TAKEN,
  },
  appHostingCached: {
    usd: 0.15,
    per: 1,
    unit: "GiB served from the CDN cache",
    source: APP_HOSTING_COSTS,
    taken: TAKEN,
  },
  appHostingUncached: {
    usd: 0.2,
    per: 1,
    unit: "GiB served uncached (rendered by the server)",
    source: APP_HOSTING_COSTS,
    taken: TAKEN,
  },
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;

/** The cost of `quantity` units at a price. */
export function cost(id: PriceId, quantity: number): number {
  const price: Price = PRICES[id];
  return (quantity / price.per) * price.usd;
}

export function describePrice(price: Price): string {
  const per = price.per === 1 ? "" : `${price.per.toLocaleString("en-US")} `;
  return `$${price.usd} per ${per}${price.unit}`;
}

/** 1 vCPU of Cloud Functions (1st gen) = 2.4 GHz, for readers who think in GHz-seconds. */
export const GHZ_PER_VCPU = 2.4;

/**
 * Cloud Run's autoscaler keeps instances near 60 % CPU, so a server that needs S CPU-seconds keeps
 * instances up for about S ÷ 0.6 seconds: the instance time App Hosting bills. An assumption, stated
 * in the report.
 */
export const CLOUD_RUN_CPU_TARGET = 0.6;

/** The seed's comparison, in USD per 1 million requests a month. */
export const SEED_TABLE = [
  { hosting: "dedicated servers", low: 40, high: 100 },
  { hosting: "containers", low: 20, high: 60 },
  { hosting: "serverless", low: 0, high: 20 },
] as const;

/** The seed's Black Friday: requests per second on a normal day and at the sale's peak. */
export const BLACK_FRIDAY = { normalPerSecond: 100, peakPerSecond: 5_000 } as const;
