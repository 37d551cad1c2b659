import { db } from "./support/saga-app";
import { beforeEach, describe, expect, it } from "vitest";
import { onOrderCreated } from "../../functions/src/orders/on-order-created";
import { classifyError } from "../../functions/src/orders/classify-error";
import { reserveStock } from "../../functions/src/orders/reserve-stock";
import { onStockShardWritten } from "../../functions/src/stock/on-stock-shard-written";
import { shardRefs } from "../../functions/src/stock/stock-shards";
import {
  CLOCK_MARGIN_MS,
  handleStockShardWritten,
  SYNC_INTERVAL_MS,
} from "../../functions/src/stock/sync-product-stock";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { orderData, orderDoc, seedProduct, seedStore, stockOf } from "./support/seed";
import { orderCreatedEvent } from "./support/trigger-events";

const PRODUCT = "flash-kettle";

async function seedSharded(units: readonly number[], shownStock: number): Promise<void> {
  await seedProduct(db, PRODUCT, { stock: shownStock, stockShards: units.length });
  const batch = db.batch();
  shardRefs(db, PRODUCT, units.length).forEach((ref, index) => batch.set(ref, { units: units[index] ?? 0 }));
  await batch.commit();
}

/** The CloudEvent the Firestore trigger would receive for a write to shard 0. */
function shardEvent(time: Date) {
  const document = `products/${PRODUCT}/stockShards/0`;
  return {
    specversion: "1.0" as const,
    id: `evt-${time.getTime()}`,
    source: `//firestore.googleapis.com/projects/${SAGA_PROJECT}/databases/(default)`,
    type: "google.cloud.firestore.document.v1.written",
    time: time.toISOString(),
    subject: `documents/${document}`,
    location: "us-central1",
    project: SAGA_PROJECT,
    database: "(default)",
    namespace: "(default)",
    document,
    params: { productId: PRODUCT, shard: "0" },
    data: undefined,
  };
}

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
});

describe("the shown stock of a sharded product (onStockShardWritten)", () => {
  it("becomes the shards' sum, written once for a burst of shard writes", async () => {
    await seedSharded([3, 4], 10);
    const now = new Date();
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
    };

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => handleStockShardWritten(db, PRODUCT, now, sleep)),
    );

    const synced = outcomes.filter((outcome) => outcome.kind === "synced");
    expect(synced).toEqual([{ kind: "synced", stock: 7, changed: true }]);
    expect(slept).toEqual([CLOCK_MARGIN_MS]);
    expect(await stockOf(db, PRODUCT)).toBe(7);

    // Writes a moment later wait for the next window: at most one product write a second.
    await shardRefs(db, PRODUCT, 2)[0]?.set({ units: 1 });
    const later = new Date(now.getTime() + 300);
    const burst = await Promise.all(
      Array.from({ length: 5 }, () => handleStockShardWritten(db, PRODUCT, later, sleep)),
    );
    expect(burst.filter((outcome) => outcome.kind === "synced")).toEqual([
      { kind: "synced", stock: 5, changed: true },
    ]);
    expect(slept[1]).toBe(SYNC_INTERVAL_MS - 300 + CLOCK_MARGIN_MS);
    expect(await stockOf(db, PRODUCT)).toBe(5);
  });

  it("leaves an unsharded product's stock alone: reservations own it", async () => {
    await seedProduct(db, PRODUCT, { stock: 4 });
    const outcome = await handleStockShardWritten(db, PRODUCT, new Date(), async () => undefined);
    expect(outcome).toEqual({ kind: "synced", stock: null, changed: false });
    expect(await stockOf(db, PRODUCT)).toBe(4);
  });

  it("runs as the trigger, and drops a redelivery too old to matter", async () => {
    await seedSharded([2, 2], 9);
    await onStockShardWritten.run(shardEvent(new Date(Date.now() - 60 * 60_000)));
    expect(await stockOf(db, PRODUCT)).toBe(9);

    await onStockShardWritten.run(shardEvent(new Date()));
    expect(await stockOf(db, PRODUCT)).toBe(4);
  });
});

describe("contention on one unsharded hot product", () => {
  it("leaves every order pending, reserved or rejected with consistent stock, and a retry completes it", async () => {
    await seedProduct(db, PRODUCT, { stock: 20, name: "Kettle" });
    const orderIds = Array.from({ length: 40 }, (_, index) => `order-${String(index).padStart(2, "0")}`);
    const batch = db.batch();
    orderIds.forEach((id, index) =>
      batch.create(
        db.doc(`orders/${id}`),
        orderDoc(`shopper-${index}`, [{ productId: PRODUCT, quantity: 1 }]),
      ),
    );
    await batch.commit();

    // One attempt each: contention outlasts the transaction, as it does at a flash sale's peak.
    const results = await Promise.allSettled(
      orderIds.map((id) => reserveStock(db, id, { providerName: "local", now: new Date(), maxAttempts: 1 })),
    );

    const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(classifyError(failure).kind).toBe("transient");
    const orders = await Promise.all(orderIds.map((id) => orderData(db, id)));
    orders.forEach((order, index) => {
      if (results[index]?.status === "rejected") expect(order.status).toBe("pending");
      else expect(["awaiting_payment", "rejected"]).toContain(order.status);
      if (order.status === "rejected") expect(order.rejectionReason).toMatch(/out of stock/);
    });
    const reserved = orders.filter((order) => order.status === "awaiting_payment").length;
    expect(await stockOf(db, PRODUCT)).toBe(20 - reserved);

    // The trigger retries a transient failure: the handler, run again for every order, completes them.
    for (const id of orderIds) await onOrderCreated.run(await orderCreatedEvent(db, id, `evt-retry-${id}`));

    const settled = await Promise.all(orderIds.map((id) => orderData(db, id)));
    const paying = settled.filter((order) => order.status === "awaiting_payment");
    expect(paying).toHaveLength(20);
    for (const order of paying) expect(order.payment.sessionId).toEqual(expect.any(String));
    const rejected = settled.filter((order) => order.status === "rejected");
    expect(rejected).toHaveLength(20);
    for (const order of rejected) expect(order.rejectionReason).toBe('Product "Kettle" is out of stock');
    expect(await stockOf(db, PRODUCT)).toBe(0);
    expect((await db.collection(`products/${PRODUCT}/stockShards`).get()).empty).toBe(true);
  }, 120_000);
});
