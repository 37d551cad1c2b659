import { db } from "./support/saga-app";
import {
  formatMoney,
  mailSchema,
  notificationSchema,
  orderEventRecordSchema,
  webhookEventSchema,
} from "@hearth/domain";
import {
  checkoutSessionAsyncPaymentFailed,
  checkoutSessionCompleted,
  checkoutSessionExpired,
  type StripeEvent,
} from "@hearth/stripe-events";
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "../../functions/src/admin-auth";
import { emailLookup } from "../../functions/src/notifications/notify-status-change";
import { cancelOrderAsAdmin } from "../../functions/src/orders/admin-actions";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { handleWebhook, type WebhookResponse } from "../../functions/src/payments/webhook";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { recordingProvider, signedRequest, type RecordingProvider } from "./support/late-refund";
import { deliver, reservedOrder } from "./support/saga-flow";
import { countDocs, orderData, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { paidCheckout, paymentFacts } from "./support/webhook";

const UID = "shopper-1";
const lateRefundKey = (orderId: string) => `${orderId}-late-refund-pi_local_${orderId}`;
const EMAIL = "late@example.test";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10, priceCents: 1_250 });
  await seedUser(db, UID, EMAIL);
});

function webhook(provider: RecordingProvider, event: StripeEvent): Promise<WebhookResponse> {
  return handleWebhook(db, signedRequest(event), {
    provider: () => provider,
    lookupEmail: emailLookup(db, auth),
  });
}

const settleWithout = {
  expired: async (orderId: string) => deliver(db, checkoutSessionExpired(await paymentFacts(db, orderId))),
  // A declined card is only an attempt; a delayed method the bank refuses ends the order.
  payment_failed: async (orderId: string) => {
    const facts = await paymentFacts(db, orderId);
    await deliver(db, checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }));
    return deliver(db, checkoutSessionAsyncPaymentFailed(facts));
  },
  cancelled: (orderId: string) =>
    applyTransition(db, { orderId, event: "cancelled", actor: { type: "user", id: UID } }),
};

async function ids(path: string): Promise<string[]> {
  return (await db.collection(path).get()).docs.map((doc) => doc.id).sort();
}

describe("a payment that arrives after the order settled without one", () => {
  it.each(["expired", "payment_failed", "cancelled"] as const)(
    "is refunded exactly once when the order is %s, and the order keeps its status and stock",
    async (status) => {
      const provider = recordingProvider();
      const orderId = await reservedOrder(db, "mug", 2);
      await settleWithout[status](orderId);
      expect((await orderData(db, orderId)).status).toBe(status);
      expect(await stockOf(db, "mug")).toBe(10);
      const late = await paidCheckout(db, orderId);
      const paymentIntentId = `pi_local_${orderId}`;
      const earlierEvents = await ids("webhookEvents");

      const first = await webhook(provider, late);

      expect(first).toMatchObject({
        status: 200,
        body: {
          outcome: "ignored",
          lateRefund: { refundId: `re_local_${lateRefundKey(orderId)}`, recorded: true },
        },
      });
      expect(provider.refunds).toEqual([
        { orderId, paymentIntentId, amountCents: 3_000, idempotencyKey: lateRefundKey(orderId) },
      ]);
      const order = await orderData(db, orderId);
      expect(order.status).toBe(status);
      expect(order.payment).toMatchObject({
        latePaymentIntentId: paymentIntentId,
        latePaymentEventId: late.id,
        lateRefundId: `re_local_${lateRefundKey(orderId)}`,
      });
      expect(await stockOf(db, "mug")).toBe(10);
      const record = webhookEventSchema.parse((await db.doc(`webhookEvents/${late.id}`).get()).data());
      expect(record).toMatchObject({ outcome: "ignored", orderId, type: "checkout.session.completed" });
      expect(record.reason).toMatch(new RegExp(`^Late payment refunded: the order is "${status}"`));
      const note = orderEventRecordSchema.parse(
        (await db.doc(`orders/${orderId}/events/late_payment_refunded`).get()).data(),
      );
      expect(note).toMatchObject({ from: status, to: status, actor: { type: "provider", id: late.id } });
      expect(note.note).toContain(paymentIntentId);
      const notice = notificationSchema.parse(
        (await db.doc(`users/${UID}/notifications/${orderId}_late_refund`).get()).data(),
      );
      expect(notice).toMatchObject({ title: "Late payment refunded", orderId, read: false });
      const mail = mailSchema.parse((await db.doc(`mail/${orderId}_late_refund`).get()).data());
      expect(mail.to).toBe(EMAIL);
      expect(mail.message.text).toContain(formatMoney(3_000, "USD"));

      // The same delivery again, then another event about the same payment intent.
      const duplicate = await webhook(provider, late);
      const other = await paidCheckout(db, orderId);
      const second = await webhook(provider, other);

      expect(duplicate).toMatchObject({ status: 200, body: { duplicate: true } });
      expect(duplicate.body.lateRefund).toBeUndefined();
      expect(second).toMatchObject({ status: 200, body: { outcome: "ignored" } });
      expect(second.body.lateRefund).toBeUndefined();
      expect(provider.refunds).toHaveLength(1);
      expect((await orderData(db, orderId)).status).toBe(status);
      expect(await stockOf(db, "mug")).toBe(10);
      expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_late_refund`]);
      expect(await ids("mail")).toEqual([`${orderId}_late_refund`]);
      expect(await ids("webhookEvents")).toEqual([...earlierEvents, late.id, other.id].sort());
    },
  );

  it("answers 5xx when the refund fails and completes it once on redelivery", async () => {
    const provider = recordingProvider(1);
    const orderId = await reservedOrder(db, "mug", 1);
    await settleWithout.expired(orderId);
    const late = await paidCheckout(db, orderId);

    const failed = await webhook(provider, late);

    expect(failed.status).toBe(500);
    const pending = await orderData(db, orderId);
    expect(pending.payment.latePaymentIntentId).toBe(`pi_local_${orderId}`);
    expect(pending.payment.lateRefundId).toBeUndefined();
    expect(await countDocs(db, `users/${UID}/notifications`)).toBe(0);

    // Another event about the same payment leaves the refund to the event that started it.
    const other = await webhook(provider, await paidCheckout(db, orderId));
    expect(other).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(provider.refunds).toHaveLength(1);

    const redelivered = await webhook(provider, late);

    expect(redelivered).toMatchObject({
      status: 200,
      body: {
        duplicate: true,
        lateRefund: { refundId: `re_local_${lateRefundKey(orderId)}`, recorded: true },
      },
    });
    // Both calls carry the same payment intent, which is the provider's idempotency key.
    expect(provider.refunds.map((refund) => refund.paymentIntentId)).toEqual([
      `pi_local_${orderId}`,
      `pi_local_${orderId}`,
    ]);
    expect((await orderData(db, orderId)).payment.lateRefundId).toBe(`re_local_${lateRefundKey(orderId)}`);
    expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_late_refund`]);
    expect(await webhook(provider, late)).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(provider.refunds).toHaveLength(2);
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("starts one refund when two events about the same payment race", async () => {
    const provider = recordingProvider();
    const orderId = await reservedOrder(db, "mug", 1);
    await settleWithout.expired(orderId);
    const events = [await paidCheckout(db, orderId), await paidCheckout(db, orderId)];

    const responses = await Promise.all(events.map((event) => webhook(provider, event)));

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(provider.refunds).toHaveLength(1);
    expect(await ids(`users/${UID}/notifications`)).toEqual([`${orderId}_late_refund`]);
  });

  it("refunds nothing more for the order's own payment after an admin cancelled and refunded it", async () => {
    const provider = recordingProvider();
    const orderId = await reservedOrder(db, "mug", 1);
    await deliver(db, await paidCheckout(db, orderId));
    await cancelOrderAsAdmin(db, provider, { orderId }, "admin-1");
    expect(provider.refunds).toHaveLength(1);

    const again = await webhook(provider, await paidCheckout(db, orderId));

    expect(again).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(again.body.reason).toMatch(/Cannot apply "payment_succeeded" to an order that is "cancelled"/);
    expect(provider.refunds).toHaveLength(1);
    const order = await orderData(db, orderId);
    expect(order.status).toBe("cancelled");
    expect(order.payment.latePaymentIntentId).toBeUndefined();
  });

  it("keeps a payment for an order awaiting it, with no refund", async () => {
    const provider = recordingProvider();
    const orderId = await reservedOrder(db, "mug", 1);

    const paid = await webhook(provider, await paidCheckout(db, orderId));

    expect(paid).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(provider.refunds).toEqual([]);
    expect((await orderData(db, orderId)).status).toBe("paid");
    expect(await stockOf(db, "mug")).toBe(9);
  });
});
