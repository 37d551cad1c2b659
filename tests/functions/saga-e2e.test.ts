import { FieldValue } from "firebase-admin/firestore";
import { mailSchema, notificationSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { auth, db } from "./support/e2e-app";
import { awaitingPayment, ids, notified, orderWith } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";
import { orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { checkoutSessionExpired } from "@hearth/stripe-events";
import { paidCheckout, paymentFacts, postWebhook } from "./support/webhook";
import { storefrontOrigin } from "../e2e/support/storefront";

const UID = "shopper-e2e";
const EMAIL = "shopper@example.test";

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db);
  await seedProduct(db, "mug", { priceCents: 1_250, stock: 10, name: "Mug" });
  await seedUser(db, UID, EMAIL);
});

/**
 * A write that changes no status leaves no trace of onOrderUpdated's run, so there is nothing to
 * wait for: watch the stock for longer than the trigger takes (about 100 ms on the emulator).
 */
async function stockStays(productId: string, expected: number, forMs = 3_000): Promise<void> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    expect(await stockOf(db, productId)).toBe(expected);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("order saga on the emulators (real triggers, webhook over HTTP)", () => {
  it("takes an order to paid and tells the shopper exactly once per change", async () => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 2 }]);
    const awaiting = await awaitingPayment(orderId);
    expect(awaiting.totalCents).toBe(3_000);
    // functions/.env.demo-hearth's STOREFRONT_URL, moved with the emulators by HEARTH_PORT_OFFSET.
    expect(awaiting.payment.checkoutUrl).toBe(`${storefrontOrigin().origin}/pay/${orderId}`);
    expect(await stockOf(db, "mug")).toBe(8);

    const response = await postWebhook(await paidCheckout(db, orderId));
    expect(response).toMatchObject({ status: 200, body: { received: true, outcome: "applied" } });
    // The 2xx comes after the commit.
    const paid = await orderData(db, orderId);
    expect(paid.status).toBe("paid");
    expect(paid.payment.paymentIntentId).toBe(`pi_local_${orderId}`);

    const paidNote = notificationSchema.parse(await notified(UID, orderId, "paid"));
    expect(paidNote).toMatchObject({ title: "Order paid", orderId, read: false });
    await notified(UID, orderId, "awaiting_payment");
    expect(await ids(`users/${UID}/notifications`)).toEqual([
      `${orderId}_awaiting_payment`,
      `${orderId}_paid`,
    ]);
    expect(await ids("mail")).toEqual([`${orderId}_awaiting_payment`, `${orderId}_paid`]);
    const mail = mailSchema.parse((await db.doc(`mail/${orderId}_paid`).get()).data());
    expect(mail.to).toBe(EMAIL);
    expect(mail.message.text).toContain("$30.00");
    expect(await ids(`orders/${orderId}/events`)).toEqual(["payment_succeeded", "priced"]);
    expect(await stockOf(db, "mug")).toBe(8);
  });

  it("rejects an invalid order document written by the Admin SDK and mails the Auth email", async () => {
    await db.doc(`users/${UID}`).delete();
    await auth.createUser({ uid: UID, email: "auth-only@example.test" });
    const ref = db.collection("orders").doc();
    await ref.set({ uid: UID, items: "two mugs please", status: "pending" });

    const rejected = await orderWith(ref.id, (order) => order.status === "rejected", "rejected");
    expect(rejected.rejectionReason).toMatch(/^The order could not be processed: .*items/);
    await notified(UID, ref.id, "rejected");
    const mail = mailSchema.parse((await db.doc(`mail/${ref.id}_rejected`).get()).data());
    expect(mail.to).toBe("auth-only@example.test");
    expect(mail.message.text).toContain("could not accept your order");
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("acknowledges a duplicate webhook delivery and changes nothing", async () => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 1 }]);
    await awaitingPayment(orderId);
    const event = await paidCheckout(db, orderId);

    const first = await postWebhook(event);
    const paidAt = (await orderData(db, orderId)).paidAt;
    const second = await postWebhook(event);

    expect(first).toMatchObject({ status: 200, body: { duplicate: false, outcome: "applied" } });
    expect(second).toMatchObject({ status: 200, body: { duplicate: true } });
    expect((await orderData(db, orderId)).paidAt.isEqual(paidAt)).toBe(true);
    expect(await ids("webhookEvents")).toEqual([event.id]);
    await notified(UID, orderId, "paid");
  });

  it.each([
    { name: "a forged signature", options: { secret: "whsec_forged" } },
    { name: "a stale timestamp", options: { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 } },
    { name: "no signature", options: { signature: null } },
    { name: "a garbage signature", options: { signature: "t=1,v1=deadbeef" } },
  ])("answers 400 to $name and changes nothing", async ({ options }) => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 1 }]);
    await awaitingPayment(orderId);

    const response = await postWebhook(await paidCheckout(db, orderId), options);

    expect(response.status).toBe(400);
    expect((await orderData(db, orderId)).status).toBe("awaiting_payment");
    expect(await ids("webhookEvents")).toEqual([]);
  });

  it("records and ignores an expiry that arrives after the payment", async () => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 3 }]);
    await awaitingPayment(orderId);
    await postWebhook(await paidCheckout(db, orderId));
    const expired = checkoutSessionExpired(await paymentFacts(db, orderId));

    const response = await postWebhook(expired);

    expect(response).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect((await orderData(db, orderId)).status).toBe("paid");
    const record = (await db.doc(`webhookEvents/${expired.id}`).get()).data();
    expect(record).toMatchObject({ outcome: "ignored", orderId, type: "checkout.session.expired" });
    expect(record?.reason).toMatch(/Cannot apply "expired" to an order that is "paid"/);
    // onOrderUpdated has handled the move to paid once it notified; it must not have released stock.
    await notified(UID, orderId, "paid");
    expect(await stockOf(db, "mug")).toBe(7);
  });

  it("releases stock exactly once when the shopper cancels (client-style write)", async () => {
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 4 }]);
    await awaitingPayment(orderId);
    expect(await stockOf(db, "mug")).toBe(6);

    // Exactly the fields the security rules let a shopper write to cancel.
    await db.doc(`orders/${orderId}`).update({
      status: "cancelled",
      cancelledAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });

    await orderWith(orderId, (order) => order.stockReleasedAt !== undefined, "with stock released");
    await notified(UID, orderId, "cancelled");
    expect(await stockOf(db, "mug")).toBe(10);
    const record = (await db.doc(`orders/${orderId}/events/cancelled`).get()).data();
    expect(record).toMatchObject({
      from: "awaiting_payment",
      to: "cancelled",
      event: "cancelled",
      actor: { type: "user", id: UID },
    });

    // Later deliveries for the same order release nothing more.
    const late = await postWebhook(checkoutSessionExpired(await paymentFacts(db, orderId)));
    expect(late).toMatchObject({ status: 200, body: { outcome: "ignored" } });
    expect(await stockOf(db, "mug")).toBe(10);
    await db.doc(`orders/${orderId}`).update({ updatedAt: FieldValue.serverTimestamp() });
    await stockStays("mug", 10);
    expect(await ids(`users/${UID}/notifications`)).toEqual([
      `${orderId}_awaiting_payment`,
      `${orderId}_cancelled`,
    ]);
  });
});
