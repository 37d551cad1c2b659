import { db } from "./support/saga-app";
import { orderEventRecordSchema, webhookEventSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { deliver, reservedOrder } from "./support/saga-flow";
import { orderData, seedProduct, seedStore, stockOf } from "./support/seed";
import {
  chargeRefunded,
  checkoutSessionCompleted,
  checkoutSessionExpired,
  checkoutSessionAsyncPaymentFailed,
} from "@hearth/stripe-events";
import { paidCheckout, paymentFacts } from "./support/webhook";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

async function webhookRecord(eventId: string) {
  return webhookEventSchema.parse((await db.collection("webhookEvents").doc(eventId).get()).data());
}

describe("payment events (applied directly)", () => {
  it.each([
    {
      name: "checkout.session.async_payment_failed",
      build: checkoutSessionAsyncPaymentFailed,
      status: "payment_failed",
      event: "payment_failed",
    },
    { name: "checkout.session.expired", build: checkoutSessionExpired, status: "expired", event: "expired" },
  ])("$name moves the order and releases its stock exactly once", async ({ build, status, event }) => {
    const orderId = await reservedOrder(db, "mug", 3);
    expect(await stockOf(db, "mug")).toBe(7);

    const facts = await paymentFacts(db, orderId);
    const first = build(facts);
    expect(await deliver(db, first)).toMatchObject({ duplicate: false, outcome: "applied", orderId });
    expect(await deliver(db, first)).toMatchObject({ duplicate: true, outcome: "applied" });
    // A different event for the same order cannot release again: the order is terminal now.
    const other = await deliver(db, build(facts));
    expect(other).toMatchObject({ duplicate: false, outcome: "ignored" });

    const order = await orderData(db, orderId);
    expect(order.status).toBe(status);
    expect(order.stockReleasedAt).toBeDefined();
    expect(await stockOf(db, "mug")).toBe(10);
    const record = orderEventRecordSchema.parse(
      (await db.doc(`orders/${orderId}/events/${event}`).get()).data(),
    );
    expect(record).toMatchObject({
      from: "awaiting_payment",
      to: status,
      actor: { type: "provider", id: first.id },
    });
    expect(await webhookRecord(first.id)).toMatchObject({ outcome: "applied", orderId, type: first.type });
  });

  it("a full refund found by payment intent moves a paid order to refunded and releases stock", async () => {
    const orderId = await reservedOrder(db, "mug", 2);
    await deliver(db, await paidCheckout(db, orderId));
    const paid = await orderData(db, orderId);
    expect(paid.status).toBe("paid");
    expect(paid.payment.paymentIntentId).toBe(`pi_local_${orderId}`);
    expect(await stockOf(db, "mug")).toBe(8);

    const facts = await paymentFacts(db, orderId);
    const full = chargeRefunded(facts, { amountRefundedCents: facts.amountCents });
    const refund = { ...full, data: { object: { ...full.data.object, metadata: {} } } };
    expect(await deliver(db, refund)).toMatchObject({ outcome: "applied", orderId });
    expect((await orderData(db, orderId)).status).toBe("refunded");
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("records and ignores an event that would move the order backwards", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    await deliver(db, await paidCheckout(db, orderId));
    const expired = checkoutSessionExpired(await paymentFacts(db, orderId));

    const outcome = await deliver(db, expired);

    expect(outcome).toMatchObject({ outcome: "ignored", orderId });
    expect((await orderData(db, orderId)).status).toBe("paid");
    expect(await stockOf(db, "mug")).toBe(9);
    const record = await webhookRecord(expired.id);
    expect(record.outcome).toBe("ignored");
    expect(record.reason).toMatch(/Cannot apply "expired" to an order that is "paid"/);
  });

  it("records an event for an unknown order as ignored", async () => {
    const event = checkoutSessionCompleted(
      { orderId: "no-such-order", amountCents: 1_000, currency: "USD" },
      { paymentStatus: "paid" },
    );
    expect(await deliver(db, event)).toMatchObject({ outcome: "ignored" });
    expect((await webhookRecord(event.id)).reason).toMatch(/does not exist/);
  });
});
