import { db } from "./support/saga-app";
import { ORDER_EXPIRY_MINUTES, orderEventRecordSchema, toMillis } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { handleOrderCreated, onOrderCreated } from "../../functions/src/orders/on-order-created";
import { createLocalProvider } from "../../functions/src/payments/local-provider";
import type { PaymentProvider } from "../../functions/src/payments/provider";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { orderData, placeOrder, seedProduct, seedStore, stockOf } from "./support/seed";
import { orderCreatedEvent } from "./support/trigger-events";

function countingProvider(): PaymentProvider & { sessions: number } {
  const inner = createLocalProvider("http://localhost:3000");
  const provider = {
    name: inner.name,
    sessions: 0,
    async createCheckoutSession(request: Parameters<PaymentProvider["createCheckoutSession"]>[0]) {
      provider.sessions += 1;
      return inner.createCheckoutSession(request);
    },
    refund: inner.refund,
  };
  return provider;
}

async function runCreated(orderId: string, eventId = `evt-${orderId}`): Promise<void> {
  await onOrderCreated.run(await orderCreatedEvent(db, orderId, eventId));
}

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
});

describe("order created (handler run directly)", () => {
  it("prices from the product documents, reserves stock and opens a payment session", async () => {
    await seedProduct(db, "mug", { priceCents: 1_250, stock: 5, name: "Mug" });
    await seedProduct(db, "tea", { priceCents: 300, stock: 2, name: "Tea" });
    const orderId = await placeOrder(db, "shopper-1", [
      { productId: "mug", quantity: 2 },
      { productId: "tea", quantity: 1 },
    ]);

    const before = Date.now();
    await runCreated(orderId);

    const order = await orderData(db, orderId);
    expect(order.status).toBe("awaiting_payment");
    expect(order.lines).toEqual([
      { productId: "mug", name: "Mug", unitPriceCents: 1_250, quantity: 2, lineTotalCents: 2_500 },
      { productId: "tea", name: "Tea", unitPriceCents: 300, quantity: 1, lineTotalCents: 300 },
    ]);
    expect([order.subtotalCents, order.shippingCents, order.totalCents, order.currency]).toEqual([
      2_800,
      500,
      3_300,
      "USD",
    ]);
    const expiresInMs = toMillis(order.expiresAt) - before;
    expect(expiresInMs).toBeGreaterThanOrEqual(ORDER_EXPIRY_MINUTES * 60_000 - 1_000);
    expect(expiresInMs).toBeLessThanOrEqual(ORDER_EXPIRY_MINUTES * 60_000 + 10_000);
    expect(order.payment).toMatchObject({
      provider: "local",
      sessionId: `cs_local_${orderId}`,
      checkoutUrl: `http://localhost:3000/pay/${orderId}`,
    });
    expect(await stockOf(db, "mug")).toBe(3);
    expect(await stockOf(db, "tea")).toBe(1);

    const events = await db.collection(`orders/${orderId}/events`).get();
    expect(events.docs.map((doc) => doc.id)).toEqual(["priced"]);
    const record = orderEventRecordSchema.parse(events.docs[0]?.data());
    expect(record).toMatchObject({ from: "pending", to: "awaiting_payment", actor: { type: "system" } });
  });

  it.each([
    { reason: "missing", lamp: null, expected: /Product lamp is no longer available/ },
    {
      reason: "inactive",
      lamp: { status: "draft", stock: 5 } as const,
      expected: /"Product lamp" is not currently for sale/,
    },
    {
      reason: "short of stock",
      lamp: { stock: 1 },
      expected: /"Product lamp" has only 1 left \(you asked for 2\)/,
    },
  ])("rejects an order whose product is $reason and touches no stock", async ({ lamp, expected }) => {
    if (lamp) await seedProduct(db, "lamp", lamp);
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [
      { productId: "mug", quantity: 1 },
      { productId: "lamp", quantity: 2 },
    ]);

    await runCreated(orderId);

    const order = await orderData(db, orderId);
    expect(order.status).toBe("rejected");
    expect(order.rejectionReason).toMatch(expected);
    expect(order.lines).toBeUndefined();
    expect(order.payment).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(5);
    if (lamp) expect(await stockOf(db, "lamp")).toBe(lamp.stock);
    const record = orderEventRecordSchema.parse(
      (await db.doc(`orders/${orderId}/events/rejected`).get()).data(),
    );
    expect(record).toMatchObject({ from: "pending", to: "rejected", event: "rejected" });
  });

  it("rejects a malformed order document with a clear reason and stops there", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const ref = db.collection("orders").doc("bad-shape");
    await ref.set({
      uid: "shopper-1",
      items: [{ productId: "mug", quantity: 0 }],
      status: "pending",
      unitPriceCents: 1,
    });

    await runCreated(ref.id);
    const order = await orderData(db, ref.id);
    expect(order.status).toBe("rejected");
    expect(order.rejectionReason).toMatch(/^The order could not be processed: /);
    expect(order.rejectionReason).toMatch(/items\.0\.quantity/);
    expect(order.rejectionReason).toMatch(/shippingAddress/);

    // A redelivery finds it settled: no throw (which would retry forever), nothing changes.
    const result = await handleOrderCreated(db, ref.id, createLocalProvider("http://localhost:3000"));
    expect(result.reservation.kind).toBe("skipped");
    expect(await stockOf(db, "mug")).toBe(5);
  });

  it("reserves once and opens one session when the same event is delivered twice", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 2 }]);

    await runCreated(orderId, "evt-dup");
    const first = await orderData(db, orderId);
    await runCreated(orderId, "evt-dup");
    await Promise.all([runCreated(orderId, "evt-dup"), runCreated(orderId, "evt-dup")]);

    const after = await orderData(db, orderId);
    expect(await stockOf(db, "mug")).toBe(3);
    expect(after.payment.sessionId).toBe(first.payment.sessionId);
    expect(after.pricedAt.isEqual(first.pricedAt)).toBe(true);
    expect((await db.collection(`orders/${orderId}/events`).get()).size).toBe(1);
  });

  it("calls the payment provider once across redeliveries", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const provider = countingProvider();

    const first = await handleOrderCreated(db, orderId, provider);
    const second = await handleOrderCreated(db, orderId, provider);

    expect(first).toMatchObject({ reservation: { kind: "reserved" }, session: "created" });
    expect(second).toMatchObject({ reservation: { kind: "skipped" }, session: "exists" });
    expect(provider.sessions).toBe(1);
    expect(await stockOf(db, "mug")).toBe(4);
  });

  it("opens the missing session when a previous delivery died after reserving", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const failing: PaymentProvider = {
      ...createLocalProvider("http://localhost:3000"),
      createCheckoutSession: async () => {
        throw new Error("provider down");
      },
    };
    await expect(handleOrderCreated(db, orderId, failing)).rejects.toThrow("provider down");
    expect((await orderData(db, orderId)).status).toBe("awaiting_payment");

    const provider = countingProvider();
    const retry = await handleOrderCreated(db, orderId, provider);
    expect(retry).toMatchObject({ reservation: { kind: "skipped" }, session: "created" });
    expect(provider.sessions).toBe(1);
    expect(await stockOf(db, "mug")).toBe(4);
  });

  it("does nothing when the shopper cancelled before the reservation ran", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 2 }]);
    await db.collection("orders").doc(orderId).update({ status: "cancelled" });

    await runCreated(orderId);

    const order = await orderData(db, orderId);
    expect(order.status).toBe("cancelled");
    expect(order.payment).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(5);
  });
});
