// One saga scenario on the emulators: shoppers place orders at once (written with the Admin SDK,
// so the trigger's work is what is measured), the trigger reserves or rejects them, the webhook
// pays the reserved ones. Timings come from one listener on `orders`.
import type { OrderPaymentFacts } from "@hearth/stripe-events";
import { Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import {
  benchProduct,
  clearFirestore,
  inBatches,
  percentile,
  seedBenchStore,
  signedCompletion,
  until,
} from "./support";

export interface Scenario {
  name: string;
  products: { id: string; stock: number }[];
  /** Which product shopper i buys, one unit each. */
  pick: (shopper: number) => string;
}

export interface SagaOptions {
  db: Firestore;
  webhookUrl: string;
  secret: string;
  timeoutMs: number;
  /** Webhooks in flight at once (the Functions emulator starts a worker per concurrent request). */
  webhookConcurrency: number;
}

interface Timing {
  created?: number;
  reserved?: number;
  rejected?: number;
  webhookSent?: number;
  paid?: number;
}

export interface ScenarioResult {
  name: string;
  shoppers: number;
  orders: number;
  reserved: number;
  rejected: number;
  reserveP50: number;
  reserveP95: number;
  paidP50: number;
  paidP95: number;
  /** Orders placed → every order paid or rejected. */
  ordersPerSecond: number;
  /** Orders placed → every order reserved or rejected. */
  settledPerSecond: number;
  oversold: number;
}

async function seed(db: Firestore, scenario: Scenario): Promise<void> {
  await clearFirestore();
  const now = Timestamp.now();
  const batch = db.batch();
  seedBenchStore(batch, db);
  for (const { id, stock } of scenario.products) {
    batch.set(db.doc(`products/${id}`), benchProduct(id, id, stock, now));
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

interface Round {
  reserveTimes: number[];
  paidTimes: number[];
  orders: number;
  reserved: number;
  elapsedMs: number;
  settledMs: number;
}

/** One round: `shoppers` orders placed at once, each followed to paid (or rejected). */
async function round(
  scenario: Scenario,
  shoppers: number,
  label: string,
  options: SagaOptions,
): Promise<Round> {
  const { db, timeoutMs } = options;
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
  try {
    const started = performance.now();
    const ids = Array.from({ length: shoppers }, (_, shopper) => `${label}-${shopper}`);
    await Promise.all(
      ids.map(async (id, shopper) => {
        timing(id).created = performance.now();
        await db.doc(`orders/${id}`).create(orderDoc(shopper, scenario.pick(shopper)));
      }),
    );
    const settled = () =>
      ids.every((id) => timing(id).rejected !== undefined || timing(id).reserved !== undefined);
    await until(`${label}: every order reserved or rejected`, settled, timeoutMs);
    const settledAt = Math.max(...ids.map((id) => timing(id).reserved ?? timing(id).rejected ?? 0));
    const reservedIds = ids.filter((id) => timing(id).reserved !== undefined);
    const sessions = () => reservedIds.every((id) => checkouts.has(id));
    await until(`${label}: every reserved order has a checkout session`, sessions, timeoutMs);
    await inBatches(reservedIds, options.webhookConcurrency, async (id) => {
      const facts = checkouts.get(id);
      if (!facts) throw new Error(`Order ${id} has no checkout session`);
      const { body, signature } = signedCompletion(facts, options.secret);
      timing(id).webhookSent = performance.now();
      const response = await fetch(options.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body,
      });
      if (response.status !== 200) throw new Error(`Webhook for ${id} answered ${response.status}`);
    });
    const paid = () => reservedIds.every((id) => timing(id).paid !== undefined);
    await until(`${label}: every reserved order paid`, paid, timeoutMs);
    const finished = performance.now();
    return {
      reserveTimes: reservedIds.map((id) => (timing(id).reserved ?? 0) - (timing(id).created ?? 0)),
      paidTimes: reservedIds.map((id) => (timing(id).paid ?? 0) - (timing(id).webhookSent ?? 0)),
      orders: ids.length,
      reserved: reservedIds.length,
      elapsedMs: finished - started,
      settledMs: settledAt - started,
    };
  } finally {
    unsubscribe();
  }
}

/** `rounds` rounds of `shoppers` concurrent shoppers, one after another, pooled. */
export async function runScenario(
  scenario: Scenario,
  shoppers: number,
  rounds: number,
  options: SagaOptions,
): Promise<ScenarioResult> {
  await seed(options.db, scenario);
  const done: Round[] = [];
  for (let index = 0; index < rounds; index++) {
    done.push(await round(scenario, shoppers, `${scenario.name}-${index}`, options));
  }
  const sum = (pick: (r: Round) => number) => done.reduce((total, r) => total + pick(r), 0);
  const [orders, reserved] = [sum((r) => r.orders), sum((r) => r.reserved)];
  const reserveTimes = done.flatMap((r) => r.reserveTimes);
  const paidTimes = done.flatMap((r) => r.paidTimes);
  const oversold = await oversoldUnits(options.db, scenario, reserved);
  await settleNotifications(options.db, orders + reserved, options.timeoutMs);
  return {
    name: scenario.name,
    shoppers,
    orders,
    reserved,
    rejected: orders - reserved,
    reserveP50: percentile(reserveTimes, 50),
    reserveP95: percentile(reserveTimes, 95),
    paidP50: percentile(paidTimes, 50),
    paidP95: percentile(paidTimes, 95),
    ordersPerSecond: orders / (sum((r) => r.elapsedMs) / 1000),
    settledPerSecond: orders / (sum((r) => r.settledMs) / 1000),
    oversold,
  };
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
async function oversoldUnits(db: Firestore, scenario: Scenario, reserved: number): Promise<number> {
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
async function settleNotifications(db: Firestore, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.collectionGroup("notifications").count().get()).data().count < expected) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for notifications");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
