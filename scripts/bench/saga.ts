// Saga throughput on the emulators: `npm run bench` (BENCH_SHOPPERS=N, default 20).
// Prints figures; it is a measurement, not a pass/fail test, except that it fails on oversell.
import { initializeApp } from "firebase-admin/app";
import type { OrderPaymentFacts } from "@hearth/stripe-events";
import { getFirestore, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import {
  clearFirestore,
  env,
  percentile,
  PROJECT,
  signedCompletion,
  until,
  webhookSecret,
  webhookUrl,
} from "./support";

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 20);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
// The Functions emulator starts one worker process per concurrent HTTP request (30 s start-up
// limit); on a 2-core machine 20 at once fail to start, so webhooks go out a few at a time.
const WEBHOOK_CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 4);
const db = getFirestore(initializeApp({ projectId: PROJECT }));

interface Scenario {
  name: string;
  products: { id: string; stock: number }[];
  /** Which product shopper i buys, one unit each. */
  pick: (shopper: number) => string;
}

interface Timing {
  created?: number;
  reserved?: number;
  rejected?: number;
  webhookSent?: number;
  paid?: number;
}

interface Result {
  name: string;
  orders: number;
  reserved: number;
  rejected: number;
  reserveP50: number;
  reserveP95: number;
  paidP50: number;
  paidP95: number;
  ordersPerSecond: number;
  reservedPerSecond: number;
  oversold: number;
}

async function seed(scenario: Scenario): Promise<void> {
  await clearFirestore();
  const now = Timestamp.now();
  const batch = db.batch();
  batch.set(db.doc("config/store"), {
    storeName: "Bench",
    currency: "USD",
    shipping: { flatCents: 500, freeOverCents: null },
    lowStockThreshold: 0,
  });
  for (const { id, stock } of scenario.products) {
    batch.set(db.doc(`products/${id}`), {
      name: id,
      slug: id,
      description: "",
      priceCents: 1_000,
      currency: "USD",
      categoryId: "bench",
      tags: [],
      status: "active",
      stock,
      images: [],
      searchTokens: [],
      createdAt: now,
      updatedAt: now,
    });
  }
  await batch.commit();
}

function orderDoc(shopper: number, productId: string) {
  return {
    uid: `bench-shopper-${shopper}`,
    items: [{ productId, quantity: 1 }],
    shippingAddress: { name: "Bench", line1: "1 Loop", city: "Local", postalCode: "1", country: "US" },
    status: "pending",
    createdAt: Timestamp.now(),
  };
}

async function run(scenario: Scenario, url: string, secret: string): Promise<Result> {
  await seed(scenario);
  const timings = new Map<string, Timing>();
  const timing = (id: string) => timings.get(id) ?? timings.set(id, {}).get(id) ?? {};
  // Stripe can only be paid through an open session, for the amount the session was opened with.
  const checkouts = new Map<string, OrderPaymentFacts>();
  const unsubscribe = db.collection("orders").onSnapshot((snapshot) => {
    const now = performance.now();
    for (const change of snapshot.docChanges()) {
      observe(change.doc, timing(change.doc.id), now);
      const facts = checkoutOf(change.doc);
      if (facts) checkouts.set(facts.orderId, facts);
    }
  });

  const started = performance.now();
  const ids = Array.from({ length: SHOPPERS }, (_, shopper) => `${scenario.name}-${shopper}`);
  await Promise.all(
    ids.map(async (id, shopper) => {
      timing(id).created = performance.now();
      await db.doc(`orders/${id}`).create(orderDoc(shopper, scenario.pick(shopper)));
    }),
  );
  const settled = () =>
    ids.every((id) => timing(id).rejected !== undefined || timing(id).reserved !== undefined);
  await until(`${scenario.name}: every order reserved or rejected`, settled, TIMEOUT_MS);

  const settledAt = Math.max(...ids.map((id) => timing(id).reserved ?? timing(id).rejected ?? 0));
  const reservedIds = ids.filter((id) => timing(id).reserved !== undefined);
  await until(
    `${scenario.name}: every reserved order has a checkout session`,
    () => reservedIds.every((id) => checkouts.has(id)),
    TIMEOUT_MS,
  );
  await inBatches(reservedIds, WEBHOOK_CONCURRENCY, async (id) => {
    const facts = checkouts.get(id);
    if (!facts) throw new Error(`Order ${id} has no checkout session`);
    const { body, signature } = signedCompletion(facts, secret);
    timing(id).webhookSent = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body,
    });
    if (response.status !== 200) throw new Error(`Webhook for ${id} answered ${response.status}`);
  });
  await until(
    `${scenario.name}: every reserved order paid`,
    () => reservedIds.every((id) => timing(id).paid !== undefined),
    TIMEOUT_MS,
  );
  const finished = performance.now();
  unsubscribe();

  const reserveTimes = reservedIds.map((id) => (timing(id).reserved ?? 0) - (timing(id).created ?? 0));
  const paidTimes = reservedIds.map((id) => (timing(id).paid ?? 0) - (timing(id).webhookSent ?? 0));
  const oversold = await oversoldUnits(scenario, reservedIds.length);
  await settleNotifications(ids.length + reservedIds.length);
  return {
    name: scenario.name,
    orders: ids.length,
    reserved: reservedIds.length,
    rejected: ids.length - reservedIds.length,
    reserveP50: percentile(reserveTimes, 50),
    reserveP95: percentile(reserveTimes, 95),
    paidP50: percentile(paidTimes, 50),
    paidP95: percentile(paidTimes, 95),
    ordersPerSecond: ids.length / ((finished - started) / 1000),
    reservedPerSecond: ids.length / ((settledAt - started) / 1000),
    oversold,
  };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
}

function observe(doc: DocumentSnapshot, t: Timing, now: number): void {
  const status: unknown = doc.get("status");
  if (status === "awaiting_payment") t.reserved ??= now;
  if (status === "rejected") t.rejected ??= now;
  if (status === "paid") t.paid ??= now;
}

function checkoutOf(doc: DocumentSnapshot): OrderPaymentFacts | null {
  const [amountCents, currency, sessionId]: unknown[] = [
    doc.get("totalCents"),
    doc.get("currency"),
    doc.get("payment.sessionId"),
  ];
  if (typeof amountCents !== "number" || typeof currency !== "string" || typeof sessionId !== "string") {
    return null;
  }
  return { orderId: doc.id, amountCents, currency, sessionId };
}

/** Units sold beyond the stock that existed, plus any product whose stock went negative. */
async function oversoldUnits(scenario: Scenario, reserved: number): Promise<number> {
  let initial = 0;
  let negative = 0;
  let remaining = 0;
  for (const { id, stock } of scenario.products) {
    const now: unknown = (await db.doc(`products/${id}`).get()).get("stock");
    if (typeof now !== "number") throw new Error(`Product ${id} lost its stock field`);
    initial += stock;
    remaining += now;
    if (now < 0) negative += -now;
  }
  if (initial - remaining !== reserved) {
    console.error(`Stock moved by ${initial - remaining} but ${reserved} orders reserved a unit`);
  }
  return Math.max(0, reserved - initial) + negative;
}

/** Lets onOrderUpdated finish (one notification per status reached) before the next scenario clears data. */
async function settleNotifications(expected: number): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while ((await db.collectionGroup("notifications").count().get()).data().count < expected) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for notifications");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main(): Promise<void> {
  env("FIRESTORE_EMULATOR_HOST");
  const [url, secret] = [await webhookUrl(), webhookSecret()];
  const hotStock = Math.max(1, Math.floor(SHOPPERS / 2));
  const scenarios: Scenario[] = [
    // The Functions emulator starts a worker per concurrent request; warm them all first.
    { name: "warmup", products: [{ id: "warm", stock: SHOPPERS }], pick: () => "warm" },
    {
      name: "spread",
      products: Array.from({ length: 5 }, (_, index) => ({ id: `p${index}`, stock: 1_000 })),
      pick: (shopper) => `p${shopper % 5}`,
    },
    { name: "hot", products: [{ id: "hot", stock: hotStock }], pick: () => "hot" },
  ];
  console.log(
    `Saga benchmark on the emulators: ${SHOPPERS} concurrent shoppers per scenario (webhooks ${WEBHOOK_CONCURRENCY} at a time), ` +
      `after a warm-up round; spread = 5 products with ample stock, hot = one product with ${hotStock} in stock`,
  );
  const results: Result[] = [];
  for (const scenario of scenarios) {
    const result = await run(scenario, url, secret);
    if (scenario.name !== "warmup") results.push(result);
    console.log(`  ${scenario.name}: done (${result.reserved} reserved, ${result.rejected} rejected)`);
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.table(
    results.map((r) => ({
      scenario: r.name,
      orders: r.orders,
      reserved: r.reserved,
      rejected: r.rejected,
      "placed→settled orders/s": r.reservedPerSecond.toFixed(2),
      "full saga orders/s": r.ordersPerSecond.toFixed(2),
      "created→awaiting p50": ms(r.reserveP50),
      "created→awaiting p95": ms(r.reserveP95),
      "webhook→paid p50": ms(r.paidP50),
      "webhook→paid p95": ms(r.paidP95),
      oversold: r.oversold,
    })),
  );
  if (results.some((r) => r.oversold > 0)) {
    console.error("OVERSOLD: stock was sold beyond what existed");
    process.exitCode = 1;
  }
  await clearFirestore();
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
