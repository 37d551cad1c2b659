import { db } from "./support/saga-app";
import { MAX_PRICE_CENTS, ORDER_EXPIRY_MINUTES, orderEventRecordSchema, toMillis } from "@hearth/domain";
import { Timestamp } from "firebase-admin/firestore";
import Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "../../functions/src/admin-auth";
import { handleOrderCreated, onOrderCreated } from "../../functions/src/orders/on-order-created";
import { TRIGGER_FAILURES } from "../../functions/src/orders/trigger-failures";
import { createLocalProvider } from "../../functions/src/payments/local-provider";
import type { CheckoutRequest, PaymentProvider } from "../../functions/src/payments/provider";
import { clearAuth, clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { ADDRESS, orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { orderCreatedEvent } from "./support/trigger-events";

function countingProvider(): PaymentProvider & { sessions: number; requests: CheckoutRequest[] } {
  const inner = createLocalProvider("http://localhost:3000");
  const provider = {
    name: inner.name,
    sessions: 0,
    requests: [] as CheckoutRequest[],
    async createCheckoutSession(request: CheckoutRequest) {
      provider.sessions += 1;
      provider.requests.push(request);
      return inner.createCheckoutSession(request);
    },
    refund: inner.refund,
  };
  return provider;
}

function failingProvider(error: unknown): PaymentProvider {
  return {
    ...createLocalProvider("http://localhost:3000"),
    createCheckoutSession: async () => {
      throw error;
    },
  };
}

async function runCreated(orderId: string, eventId = `evt-${orderId}`, time?: Date): Promise<void> {
  const event = await orderCreatedEvent(db, orderId, eventId);
  await onOrderCreated.run(time ? { ...event, time: time.toISOString() } : event);
}

async function triggerFailure(id: string) {
  return (await db.collection(TRIGGER_FAILURES).doc(id).get()).data();
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

describe("order created: the shopper's email is read once, when the order is priced", () => {
  beforeEach(async () => {
    await clearAuth(SAGA_PROJECT);
  });

  it("stores the profile email on the order and the checkout uses it, even after the profile changes", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    await seedUser(db, "shopper-1", "ada@example.test");
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const down = failingProvider(new Error("provider down"));

    await expect(handleOrderCreated(db, orderId, down)).rejects.toThrow("provider down");
    expect((await orderData(db, orderId)).customerEmail).toBe("ada@example.test");

    await db.doc("users/shopper-1").update({ email: "changed@example.test" });
    const provider = countingProvider();
    await handleOrderCreated(db, orderId, provider);
    expect(provider.requests.map((request) => request.customerEmail)).toEqual(["ada@example.test"]);
  });

  it("falls back to the Auth account's email, and stores null when the user has none", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    await auth.createUser({ uid: "auth-only", email: "auth-only@example.test" });
    const withAuth = await placeOrder(db, "auth-only", [{ productId: "mug", quantity: 1 }]);
    const nobody = await placeOrder(db, "no-such-user", [{ productId: "mug", quantity: 1 }]);

    await runCreated(withAuth);
    await runCreated(nobody);

    expect((await orderData(db, withAuth)).customerEmail).toBe("auth-only@example.test");
    expect(await orderData(db, nobody)).toMatchObject({ status: "awaiting_payment", customerEmail: null });
  });

  it("uses the injected lookup, before the reservation", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const asked: string[] = [];
    const provider = countingProvider();

    await handleOrderCreated(db, orderId, provider, new Date(), async (uid) => {
      asked.push(uid);
      return "injected@example.test";
    });

    expect(asked).toEqual(["shopper-1"]);
    expect(provider.requests[0]?.customerEmail).toBe("injected@example.test");
  });
});

describe("order created: permanent failures end the order, transient ones retry", () => {
  it.each(["..", "__x__", "a/b"])(
    "rejects an order naming product %j, which Firestore refuses, instead of leaving it pending",
    async (productId) => {
      await seedProduct(db, "mug", { stock: 5 });
      const ref = db.collection("orders").doc();
      await ref.create({
        uid: "shopper-1",
        items: [
          { productId: "mug", quantity: 1 },
          { productId, quantity: 1 },
        ],
        shippingAddress: ADDRESS,
        status: "pending",
        createdAt: Timestamp.now(),
      });

      await runCreated(ref.id);

      const order = await orderData(db, ref.id);
      expect(order.status).toBe("rejected");
      expect(order.rejectionReason).toEqual(expect.any(String));
      expect(await stockOf(db, "mug")).toBe(5);
    },
  );

  it("rejects an order whose total is above what one payment can carry", async () => {
    await seedProduct(db, "gold", { stock: 5, priceCents: MAX_PRICE_CENTS, name: "Gold" });
    // Each unit is within the price cap; two are more than one charge can carry.
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "gold", quantity: 2 }]);

    await runCreated(orderId);

    const order = await orderData(db, orderId);
    expect(order.status).toBe("rejected");
    expect(order.rejectionReason).toMatch(/is more than the \$999,999\.99 a single payment can be/);
    expect(await stockOf(db, "gold")).toBe(5);
  });

  it("rejects the order when the payment provider is not configured (missing secret)", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const saved = { provider: process.env.PAYMENT_PROVIDER, key: process.env.STRIPE_SECRET_KEY };
    process.env.PAYMENT_PROVIDER = "stripe";
    delete process.env.STRIPE_SECRET_KEY;
    try {
      await runCreated(orderId);
    } finally {
      process.env.PAYMENT_PROVIDER = saved.provider;
      if (saved.key !== undefined) process.env.STRIPE_SECRET_KEY = saved.key;
    }

    const order = await orderData(db, orderId);
    expect(order.status).toBe("rejected");
    expect(order.rejectionReason).toBe(
      "The store cannot take payments right now. You have not been charged.",
    );
    expect(await stockOf(db, "mug")).toBe(5);
    expect(await triggerFailure(`onOrderCreated_${orderId}`)).toMatchObject({
      kind: "permanent",
      settlement: "rejected",
      detail: expect.stringContaining("STRIPE_SECRET_KEY"),
    });
  });

  it("fails the payment and releases the stock when the provider refuses the checkout for good", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 2 }]);
    const refused = Stripe.errors.StripeError.generate({
      statusCode: 400,
      type: "invalid_request_error",
      param: "expires_at",
      message: "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
    });

    const result = await handleOrderCreated(db, orderId, failingProvider(refused));

    expect(result).toMatchObject({ reservation: { kind: "reserved" }, session: "failed" });
    const order = await orderData(db, orderId);
    expect(order.status).toBe("payment_failed");
    expect(order.failureReason).toBe(
      "The checkout could not be opened in time. Your items were released and you have not been charged.",
    );
    expect(await stockOf(db, "mug")).toBe(5);
    const record = orderEventRecordSchema.parse(
      (await db.doc(`orders/${orderId}/events/payment_failed`).get()).data(),
    );
    expect(record).toMatchObject({
      from: "awaiting_payment",
      to: "payment_failed",
      actor: { type: "system" },
    });
    expect(await triggerFailure(`onOrderCreated_${orderId}`)).toMatchObject({ settlement: "payment_failed" });
  });

  it("throws a transient failure for the trigger to retry and leaves the order as it was", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);
    const unavailable = Object.assign(new Error("14 UNAVAILABLE: no connection"), { code: 14 });
    const lookupDown = async () => {
      throw unavailable;
    };

    await expect(handleOrderCreated(db, orderId, countingProvider(), new Date(), lookupDown)).rejects.toBe(
      unavailable,
    );
    expect((await orderData(db, orderId)).status).toBe("pending");

    const rateLimited = Stripe.errors.StripeError.generate({
      statusCode: 429,
      type: "invalid_request_error",
    });
    await expect(handleOrderCreated(db, orderId, failingProvider(rateLimited))).rejects.toBe(rateLimited);
    expect((await orderData(db, orderId)).status).toBe("awaiting_payment");
    expect(await stockOf(db, "mug")).toBe(4);
    expect(await triggerFailure(`onOrderCreated_${orderId}`)).toBeUndefined();
  });

  it("stops retrying an event older than the bound: a pending order is rejected, visibly", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }]);

    await runCreated(orderId, "evt-old", new Date(Date.now() - 11 * 60_000));

    const order = await orderData(db, orderId);
    expect(order.status).toBe("rejected");
    expect(order.rejectionReason).toBe("Processing this order took too long. You have not been charged.");
    expect(await stockOf(db, "mug")).toBe(5);
    expect(await triggerFailure(`onOrderCreated_${orderId}`)).toMatchObject({
      kind: "gave_up",
      settlement: "rejected",
    });
  });

  it("stops retrying an old event for an order whose checkout never opened: its payment fails", async () => {
    await seedProduct(db, "mug", { stock: 5 });
    const orderId = await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 2 }]);
    await expect(
      handleOrderCreated(db, orderId, failingProvider(new Error("provider down"))),
    ).rejects.toThrow();
    expect(await stockOf(db, "mug")).toBe(3);

    await runCreated(orderId, "evt-old", new Date(Date.now() - 11 * 60_000));

    const order = await orderData(db, orderId);
    expect(order.status).toBe("payment_failed");
    expect(order.failureReason).toMatch(/^Processing this order took too long\. Your items were released/);
    expect(await stockOf(db, "mug")).toBe(5);
  });
});
