// What one measured journey uses, by product, and what it costs at the list prices (prices.ts).
import type { Invocation } from "./functions-log";
import type { Destination, RequestRecord } from "./journey-flow";
import { cost, CLOUD_RUN_CPU_TARGET, GHZ_PER_VCPU, type PriceId } from "./prices";
import type { ReadCount } from "./web-read-tally";

/** Everything counted during one journey. */
export interface JourneySample {
  firestore: { server: ReadCount; browser: ReadCount; functions: ReadCount; rulesReads: number };
  invocations: Invocation[];
  requests: RequestRecord[];
  /** CPU the Next.js server used during the journey; null where /proc is missing. */
  serverCpuSeconds: number | null;
  wallSeconds: number;
}

/** Deployed shapes the prices apply to: functions' memory by entry point, the App Hosting server. */
export interface Deployment {
  functionMemoryMiB: Map<string, number>;
  /** Cloud Functions (2nd gen) get 1 vCPU up to 2 GiB unless set otherwise (firebase-functions' default). */
  functionCpu: number;
  appHosting: { cpu: number; memoryMiB: number };
}

export interface FunctionUse {
  fn: string;
  invocations: number;
  medianMs: number;
  /** Each invocation's duration rounded up to 100 ms, summed: the time billed without sharing. */
  billedSeconds: number;
  memoryMiB: number;
}

export interface JourneyUsage {
  firestore: { reads: number; writes: number; deletes: number };
  functions: {
    byFunction: FunctionUse[];
    invocations: number;
    gibSeconds: number;
    vcpuSeconds: number;
    ghzSeconds: number;
  };
  storage: { downloads: number; bytes: number };
  app: {
    cacheable: { requests: number; bytes: number };
    rendered: { requests: number; bytes: number };
    serverCpuSeconds: number;
    /** Instance time the server's CPU keeps Cloud Run instances up for (CPU ÷ the autoscaler's target). */
    instanceSeconds: number;
  };
  /** Requests the browser sent to the storefront: what "requests" means in the per-request prices. */
  appRequests: number;
  notBilled: { auth: number; payPage: number };
}

export interface CostLine {
  product: "Firestore" | "Cloud Functions" | "Cloud Storage" | "App Hosting";
  item: string;
  price: PriceId;
  quantity: number;
  usd: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

function traffic(requests: readonly RequestRecord[], destination: Destination) {
  const matching = requests.filter((request) => request.destination === destination);
  return { requests: matching.length, bytes: matching.reduce((total, request) => total + request.bytes, 0) };
}

export function usageOf(sample: JourneySample, deployment: Deployment): JourneyUsage {
  const { server, browser, functions, rulesReads } = sample.firestore;
  const names = [...new Set(sample.invocations.map((invocation) => invocation.fn))].sort();
  const byFunction = names.map((fn): FunctionUse => {
    const times = sample.invocations
      .filter((invocation) => invocation.fn === fn)
      .map((invocation) => invocation.ms);
    return {
      fn,
      invocations: times.length,
      medianMs: median(times),
      billedSeconds: times.reduce((total, ms) => total + Math.ceil(ms / 100) / 10, 0),
      memoryMiB: deployment.functionMemoryMiB.get(fn) ?? 256,
    };
  });
  const billed = byFunction.reduce((total, use) => total + use.billedSeconds, 0);
  const cacheable = traffic(sample.requests, "app, cacheable");
  const rendered = traffic(sample.requests, "app, rendered");
  const cpu = sample.serverCpuSeconds ?? 0;
  return {
    firestore: {
      reads: server.billed + browser.billed + functions.billed + rulesReads,
      writes: server.writes + browser.writes + functions.writes,
      deletes: server.deletes + browser.deletes + functions.deletes,
    },
    functions: {
      byFunction,
      invocations: sample.invocations.length,
      gibSeconds: byFunction.reduce((total, use) => total + (use.billedSeconds * use.memoryMiB) / 1024, 0),
      vcpuSeconds: billed * deployment.functionCpu,
      ghzSeconds: billed * deployment.functionCpu * GHZ_PER_VCPU,
    },
    storage: (({ requests, bytes }) => ({ downloads: requests, bytes }))(traffic(sample.requests, "storage")),
    app: {
      cacheable,
      rendered,
      serverCpuSeconds: cpu,
      instanceSeconds: cpu / deployment.appHosting.cpu / CLOUD_RUN_CPU_TARGET,
    },
    appRequests: cacheable.requests + rendered.requests,
    notBilled: {
      auth: traffic(sample.requests, "auth").requests,
      payPage: traffic(sample.requests, "test pay page").requests,
    },
  };
}

const GIB = 2 ** 30;

export function costLines(usage: JourneyUsage, deployment: Deployment): CostLine[] {
  const line = (product: CostLine["product"], item: string, price: PriceId, quantity: number): CostLine => ({
    product,
    item,
    price,
    quantity,
    usd: cost(price, quantity),
  });
  const { functions, app } = usage;
  return [
    line("Firestore", "document reads", "firestoreRead", usage.firestore.reads),
    line("Firestore", "document writes", "firestoreWrite", usage.firestore.writes),
    line("Firestore", "document deletes", "firestoreDelete", usage.firestore.deletes),
    line("Cloud Functions", "invocations", "runRequest", functions.invocations),
    line("Cloud Functions", "vCPU-seconds", "runVcpuSecond", functions.vcpuSeconds),
    line("Cloud Functions", "GiB-seconds", "runGibSecond", functions.gibSeconds),
    line("Cloud Storage", "downloads", "storageClassB", usage.storage.downloads),
    line("Cloud Storage", "GB out", "storageEgress", usage.storage.bytes / 1e9),
    line("App Hosting", "GiB from the CDN", "appHostingCached", app.cacheable.bytes / GIB),
    line("App Hosting", "GiB rendered", "appHostingUncached", app.rendered.bytes / GIB),
    line("App Hosting", "Cloud Run requests", "runRequest", app.rendered.requests),
    line(
      "App Hosting",
      "Cloud Run vCPU-seconds",
      "runVcpuSecond",
      app.instanceSeconds * deployment.appHosting.cpu,
    ),
    line(
      "App Hosting",
      "Cloud Run GiB-seconds",
      "runGibSecond",
      (app.instanceSeconds * deployment.appHosting.memoryMiB) / 1024,
    ),
  ];
}

export const total = (lines: readonly CostLine[]) => lines.reduce((sum, line) => sum + line.usd, 0);

/** The seed's Black Friday at the measured cost per storefront request. */
export function blackFriday(
  usdPerRequest: number,
  scenario: { normalPerSecond: number; peakPerSecond: number },
  peakHours: number,
): { peakHour: number; normalMonth: number; monthWithPeak: number } {
  const hour = 3_600;
  const normalMonth = scenario.normalPerSecond * 30 * 24 * hour * usdPerRequest;
  const extra = (scenario.peakPerSecond - scenario.normalPerSecond) * peakHours * hour * usdPerRequest;
  return {
    peakHour: scenario.peakPerSecond * hour * usdPerRequest,
    normalMonth,
    monthWithPeak: normalMonth + extra,
  };
}
