import { mailSchema, notificationSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "./support/e2e-app";
import { awaitingPayment, ids, notified } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";
import { orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { checkoutSessionExpired } from "@hearth/stripe-events";
import { paidCheckout, paymentFacts, postWebhook } from "./support/webhook";

const UID = "shopper-late";
const EMAIL = "late-e2e@example.test";

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db);
  await seedProduct(db, "mug", { priceCents: 1_250, stock: 10, name: "Mug" });
  await seedUser(db, UID, EMAIL);
});

describe("late payment on the emulators (real triggers, webhook over HTTP)", () => {
  it("refunds a payment for an expired order once and tells the shopper once", async () => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 2 }]);
    await awaitingPayment(orderId);
    expect(await postWebhook(checkoutSessionExpired(await paymentFacts(db, orderId)))).toMatchObject({
      status: 200,
    });
    await notified(UID, orderId, "expired");
    expect(await stockOf(db, "mug")).toBe(10);
    const late = await paidCheckout(db, orderId);

    const response = await postWebhook(late);

    expect(response).toMatchObject({
      status: 200,
      body: {
        outcome: "ignored",
        reason: expect.stringMatching(/^Late payment refunded/),
        lateRefund: { refundId: `re_local_${orderId}-late-refund-pi_local_${orderId}`, recorded: true },
      },
    });
    const order = await orderData(db, orderId);
    expect(order.status).toBe("expired");
    expect(order.payment).toMatchObject({
      latePaymentIntentId: `pi_local_${orderId}`,
      lateRefundId: `re_local_${orderId}-late-refund-pi_local_${orderId}`,
    });
    const notice = notificationSchema.parse(await notified(UID, orderId, "late_refund"));
    expect(notice.body).toContain("$30.00");
    const mail = mailSchema.parse((await db.doc(`mail/${orderId}_late_refund`).get()).data());
    expect(mail.to).toBe(EMAIL);

    const duplicate = await postWebhook(late);
    const sameIntent = await postWebhook(await paidCheckout(db, orderId));

    expect(duplicate).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(duplicate.body.lateRefund).toBeUndefined();
    expect(sameIntent).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(sameIntent.body.lateRefund).toBeUndefined();
    expect((await orderData(db, orderId)).status).toBe("expired");
    expect(await stockOf(db, "mug")).toBe(10);
    expect(await ids(`orders/${orderId}/events`)).toEqual(["expired", "late_payment_refunded", "priced"]);
    expect(await ids(`users/${UID}/notifications`)).toEqual([
      `${orderId}_awaiting_payment`,
      `${orderId}_expired`,
      `${orderId}_late_refund`,
    ]);
  });
});
