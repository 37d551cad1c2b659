import { db } from "./support/saga-app";
import {
  chargeRefunded,
  checkoutSessionAsyncPaymentFailed,
  checkoutSessionAsyncPaymentSucceeded,
  checkoutSessionCompleted,
  paymentIntentFailed,
  type OrderPaymentFacts,
} from "@hearth/stripe-events";
import { orderEventRecordSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { expireUnpaidOrders } from "../../functions/src/orders/expire-unpaid";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { deliver, reservedOrder } from "./support/saga-flow";
import { orderData, seedProduct, seedStore, stockOf } from "./support/seed";
import { paymentFacts } from "./support/webhook";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

const factsOf = (orderId: string) => paymentFacts(db, orderId);

async function timeline(orderId: string) {
  const snap = await db.collection(`orders/${orderId}/events`).get();
  return snap.docs.map((doc) => ({ id: doc.id, ...orderEventRecordSchema.parse(doc.data()) }));
}

describe("a declined card on the checkout page", () => {
  it("keeps the order awaiting payment with its stock, tells the shopper, and a second card pays", async () => {
    const orderId = await reservedOrder(db, "mug", 3);
    const facts = await factsOf(orderId);
    const declined = paymentIntentFailed(facts, { message: "Your card was declined." });

    expect(await deliver(db, declined)).toMatchObject({ duplicate: false, outcome: "applied", orderId });
    expect(await deliver(db, declined)).toMatchObject({ duplicate: true });

    const order = await orderData(db, orderId);
    expect(order.status).toBe("awaiting_payment");
    expect(order.payment).toMatchObject({ failedAttempts: 1, lastError: "Your card was declined." });
    expect(order.stockReleasedAt).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(7);
    const attempts = (await timeline(orderId)).filter((entry) => entry.kind === "payment_attempt_failed");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ from: "awaiting_payment", to: "awaiting_payment" });
    const notice = await db.doc(`users/shopper-1/notifications/${orderId}_declined_${declined.id}`).get();
    expect(notice.data()).toMatchObject({ title: "Card declined", orderId, read: false });
    expect(notice.get("body")).toMatch(/try again/);

    const paid = await deliver(db, checkoutSessionCompleted(facts, { paymentStatus: "paid" }));
    expect(paid).toMatchObject({ outcome: "applied", orderId });
    expect(paid).not.toHaveProperty("lateRefund");
    expect((await orderData(db, orderId)).status).toBe("paid");
    expect(await stockOf(db, "mug")).toBe(7);
  });
});

describe("delayed payment methods", () => {
  it("shows the payment as processing, is not expired by the job, and becomes paid", async () => {
    const orderId = await reservedOrder(db, "mug", 2);
    const facts = await factsOf(orderId);

    const completed = await deliver(db, checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }));
    expect(completed).toMatchObject({ outcome: "applied", orderId });
    expect(await orderData(db, orderId)).toMatchObject({
      status: "payment_processing",
      payment: { status: "processing" },
    });

    const later = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    expect((await expireUnpaidOrders(db, later)).expired).toEqual([]);
    expect((await orderData(db, orderId)).status).toBe("payment_processing");

    expect(await deliver(db, checkoutSessionAsyncPaymentSucceeded(facts))).toMatchObject({
      outcome: "applied",
    });
    expect((await orderData(db, orderId)).status).toBe("paid");
    expect(await stockOf(db, "mug")).toBe(8);
  });

  it("gives the stock back when the bank refuses the payment", async () => {
    const orderId = await reservedOrder(db, "mug", 2);
    const facts = await factsOf(orderId);
    await deliver(db, checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }));

    expect(await deliver(db, checkoutSessionAsyncPaymentFailed(facts))).toMatchObject({ outcome: "applied" });

    const order = await orderData(db, orderId);
    expect(order.status).toBe("payment_failed");
    expect(order.stockReleasedAt).toBeDefined();
    expect(await stockOf(db, "mug")).toBe(10);
  });
});

describe("what is paid is checked against the order", () => {
  it.each([
    {
      name: "amount",
      change: (f: OrderPaymentFacts) => ({ ...f, amountCents: f.amountCents - 1 }),
      text: /amount/,
    },
    { name: "currency", change: (f: OrderPaymentFacts) => ({ ...f, currency: "JPY" }), text: /currency JPY/ },
    {
      name: "session",
      change: (f: OrderPaymentFacts) => ({ ...f, sessionId: "cs_other" }),
      text: /cs_other/,
    },
  ])("a session with another $name never marks the order paid", async ({ change, text }) => {
    const orderId = await reservedOrder(db, "mug", 1);
    const event = checkoutSessionCompleted(change(await factsOf(orderId)), { paymentStatus: "paid" });

    const outcome = await deliver(db, event);

    expect(outcome).toMatchObject({ outcome: "ignored", orderId, reason: expect.stringMatching(text) });
    const order = await orderData(db, orderId);
    expect(order.status).toBe("awaiting_payment");
    expect(order.payment.mismatch).toMatch(text);
    const notes = (await timeline(orderId)).filter((entry) => entry.kind === "payment_mismatch");
    expect(notes).toHaveLength(1);
  });

  it("refuses a session whose metadata names another order", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const event = checkoutSessionCompleted(await factsOf(orderId), { paymentStatus: "paid" });
    const session = event.data.object;
    session.metadata = { orderId: "someone-elses-order" };

    expect(await deliver(db, event)).toMatchObject({
      outcome: "ignored",
      reason: expect.stringMatching(/metadata/),
    });
    expect((await orderData(db, orderId)).status).toBe("awaiting_payment");
  });
});

describe("refunds made in the Stripe dashboard", () => {
  async function paidOrder(quantity: number) {
    const orderId = await reservedOrder(db, "mug", quantity);
    const facts = await factsOf(orderId);
    await deliver(db, checkoutSessionCompleted(facts, { paymentStatus: "paid" }));
    return { orderId, facts };
  }

  it("records a partial refund of a shipped order, then a full one moves it to refunded", async () => {
    const { orderId, facts } = await paidOrder(2);
    await applyTransition(db, { orderId, event: "shipped", actor: { type: "admin", id: "a1" } });

    expect(await deliver(db, chargeRefunded(facts, { amountRefundedCents: 700 }))).toMatchObject({
      outcome: "applied",
    });
    expect(await orderData(db, orderId)).toMatchObject({
      status: "shipped",
      payment: { refundedCents: 700 },
    });
    expect((await timeline(orderId)).some((entry) => entry.kind === "refund_recorded")).toBe(true);

    // An older event arriving late changes nothing.
    const stale = await deliver(db, chargeRefunded(facts, { amountRefundedCents: 300 }));
    expect(stale).toMatchObject({ outcome: "ignored" });

    await deliver(db, chargeRefunded(facts, { amountRefundedCents: facts.amountCents }));
    const order = await orderData(db, orderId);
    expect(order).toMatchObject({ status: "refunded", payment: { refundedCents: facts.amountCents } });
    // The goods left with the carrier: nothing goes back on the shelf.
    expect(await stockOf(db, "mug")).toBe(8);
  });

  it("moves a delivered order to refunded on a full refund", async () => {
    const { orderId, facts } = await paidOrder(1);
    await applyTransition(db, { orderId, event: "shipped", actor: { type: "admin", id: "a1" } });
    await applyTransition(db, { orderId, event: "delivered", actor: { type: "admin", id: "a1" } });

    await deliver(db, chargeRefunded(facts, { amountRefundedCents: facts.amountCents }));

    expect((await orderData(db, orderId)).status).toBe("refunded");
    expect(await stockOf(db, "mug")).toBe(9);
  });
});
