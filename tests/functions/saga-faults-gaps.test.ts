// A function can die after its transaction committed and before its side effect (a provider call,
// a notification). Each gap below is cut there, then the trigger or webhook is redelivered.
import { db } from "./support/saga-app";
import { checkoutSessionExpired } from "@hearth/stripe-events";
import { beforeEach, describe, expect, it } from "vitest";
import type { EmailLookup } from "../../functions/src/notifications/notify-status-change";
import { handleOrderCreated } from "../../functions/src/orders/on-order-created";
import { handleOrderUpdatedEvent } from "../../functions/src/orders/on-order-updated";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { faultyProvider } from "./support/fault-providers";
import { deliver } from "./support/saga-flow";
import { orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { callWebhook } from "./support/webhook-calls";
import { paidCheckout, paymentFacts } from "./support/webhook";

const UID = "shopper-1";
const EMAIL = "gaps@example.test";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10, priceCents: 1_250 });
  await seedUser(db, UID, EMAIL);
});

async function ids(path: string): Promise<string[]> {
  return (await db.collection(path).listDocuments()).map((ref) => ref.id).sort();
}

async function expiredOrder(provider = faultyProvider()) {
  const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 2 }]);
  await handleOrderCreated(db, orderId, provider);
  await deliver(db, checkoutSessionExpired(await paymentFacts(db, orderId)));
  expect(await stockOf(db, "mug")).toBe(10);
  return orderId;
}

describe("onOrderCreated", () => {
  it("reservation committed, died before the session: the redelivery opens it, reserving nothing more", async () => {
    const provider = faultyProvider();
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 4 }]);
    // The instance stops as it is about to call the provider: nothing reaches it.
    provider.failNext({
      kind: "during",
      run: async () => {
        throw new Error("instance stopped");
      },
    });
    await expect(handleOrderCreated(db, orderId, provider)).rejects.toThrow("instance stopped");
    expect(await stockOf(db, "mug")).toBe(6);
    expect(provider.sessions.size).toBe(0);

    const redelivered = await handleOrderCreated(db, orderId, provider);

    expect(redelivered).toMatchObject({ reservation: { kind: "skipped" }, session: "created" });
    expect(await stockOf(db, "mug")).toBe(6);
    expect(provider.sessions.size).toBe(1);
    expect((await orderData(db, orderId)).payment.sessionId).toBe(`cs_test_${orderId}`);
  });

  it("session made at the provider, died before storing it: the redelivery stores that same session", async () => {
    const provider = faultyProvider();
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 1 }]);
    provider.failNext({ kind: "lost" });

    await expect(handleOrderCreated(db, orderId, provider)).rejects.toThrow("socket hang up");
    expect(provider.sessions.size).toBe(1);
    expect((await orderData(db, orderId)).payment.sessionId).toBeUndefined();

    // Same request under the same key (an idempotency error would throw), same session back.
    const redelivered = await handleOrderCreated(db, orderId, provider);

    expect(redelivered).toMatchObject({ session: "created" });
    expect(provider.calls.sessions).toBe(2);
    expect(provider.sessions.size).toBe(1);
    expect(await stockOf(db, "mug")).toBe(9);
    expect((await orderData(db, orderId)).payment.sessionId).toBe(`cs_test_${orderId}`);
  });
});

describe("onOrderUpdated", () => {
  it("stock released, died before the notification: the redelivery notifies once and releases nothing more", async () => {
    const provider = faultyProvider();
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 3 }]);
    await handleOrderCreated(db, orderId, provider);
    const before = await orderData(db, orderId);
    // The shopper's own cancel: the client writes the status, onOrderUpdated gives the stock back.
    await db.doc(`orders/${orderId}`).update({ status: "cancelled" });
    const event = { orderId, time: new Date().toISOString(), before, after: await orderData(db, orderId) };
    const dies: EmailLookup = async () => {
      throw Object.assign(new Error("instance stopped"), { code: "ECONNRESET" });
    };

    await expect(handleOrderUpdatedEvent(db, event, dies)).rejects.toThrow("instance stopped");
    expect(await stockOf(db, "mug")).toBe(10);
    expect(await ids(`users/${UID}/notifications`)).toEqual([]);

    const lookup: EmailLookup = async () => EMAIL;
    for (let delivery = 0; delivery < 3; delivery += 1) {
      await expect(handleOrderUpdatedEvent(db, event, lookup)).resolves.toMatchObject({ kind: "settled" });
    }

    expect(await stockOf(db, "mug")).toBe(10);
    expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_cancelled`]);
    expect(await ids("mail")).toEqual([`${orderId}_cancelled`]);
    expect(await ids(`orders/${orderId}/events`)).toEqual(["cancelled", "priced"]);
  });
});

describe("paymentWebhook", () => {
  it("late payment recorded, died before the refund: the redelivery refunds once and tells the shopper once", async () => {
    const provider = faultyProvider();
    const orderId = await expiredOrder(provider);
    const late = await paidCheckout(db, orderId);
    // The first delivery's transaction only: the late payment is marked, nothing is refunded yet.
    expect(await deliver(db, late)).toMatchObject({ outcome: "ignored", lateRefund: { orderId } });
    expect(provider.calls.refunds).toBe(0);

    for (let delivery = 0; delivery < 3; delivery += 1) {
      expect((await callWebhook(db, provider, JSON.stringify(late))).status).toBe(200);
    }

    expect(provider.calls.refunds).toBe(1);
    expect([...provider.refunds.values()]).toEqual([
      expect.objectContaining({ orderId, amountCents: 3_000, paymentIntentId: `pi_local_${orderId}` }),
    ]);
    expect((await orderData(db, orderId)).payment.lateRefundId).toMatch(/^re_test_/);
    expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_late_refund`]);
    expect(await ids("mail")).toEqual([`${orderId}_late_refund`]);
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("refund made at the provider, died before recording it: the redelivery records it once", async () => {
    const provider = faultyProvider();
    const orderId = await expiredOrder(provider);
    const late = await paidCheckout(db, orderId);
    provider.failNext({ kind: "lost" });

    const first = await callWebhook(db, provider, JSON.stringify(late));
    expect(first.status).toBe(500);
    expect(provider.refunds.size).toBe(1);
    expect((await orderData(db, orderId)).payment.lateRefundId).toBeUndefined();
    expect(await ids(`users/${UID}/notifications`)).toEqual([]);

    const second = await callWebhook(db, provider, JSON.stringify(late));
    const third = await callWebhook(db, provider, JSON.stringify(late));

    expect(second).toMatchObject({ status: 200, body: { duplicate: true, lateRefund: { recorded: true } } });
    expect(third).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(third.body.lateRefund).toBeUndefined();
    // Two calls under one idempotency key: one refund at the provider.
    expect(provider.calls.refunds).toBe(2);
    expect(provider.refunds.size).toBe(1);
    expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_late_refund`]);
    expect(await ids(`orders/${orderId}/events`)).toEqual(["expired", "late_payment_refunded", "priced"]);
  });
});
