import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  chargeRefunded,
  checkoutSessionAsyncPaymentFailed,
  checkoutSessionAsyncPaymentSucceeded,
  checkoutSessionCompleted,
  checkoutSessionExpired,
  newEventId,
  paymentIntentFailed,
  signPayload,
  STRIPE_API_VERSION,
  stripeEvent,
  type OrderPaymentFacts,
} from "../src/index";

const order: OrderPaymentFacts = { orderId: "order-1", amountCents: 3_000, currency: "USD" };
const SECRET = "whsec_unit_test";

const envelopeOf = (type: string) => ({
  id: expect.stringMatching(/^evt_local_[0-9a-f]{32}$/),
  object: "event",
  api_version: STRIPE_API_VERSION,
  created: expect.any(Number),
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  type,
});

describe("the event envelope", () => {
  it("carries the installed SDK's API version", () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
    expect(stripeEvent("test.event", {}).api_version).toBe(Stripe.API_VERSION);
  });

  it("takes a fixed id and creation time, else a fresh id and now", () => {
    const before = Math.floor(Date.now() / 1000);
    const fresh = stripeEvent("test.event", { a: 1 });
    expect(fresh).toEqual({ ...envelopeOf("test.event"), data: { object: { a: 1 } } });
    expect(fresh.created).toBeGreaterThanOrEqual(before);
    expect(stripeEvent("test.event", {}, { id: "evt_fixed", created: 1_700_000_000 })).toMatchObject({
      id: "evt_fixed",
      created: 1_700_000_000,
    });
  });

  it("makes ids that differ and are safe as Firestore document ids", () => {
    const ids = new Set(Array.from({ length: 100 }, newEventId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
  });
});

describe("checkout session events", () => {
  const sessionOf = (state: object) => ({
    id: "cs_local_order-1",
    object: "checkout.session",
    client_reference_id: "order-1",
    metadata: { orderId: "order-1" },
    amount_total: 3_000,
    currency: "usd",
    mode: "payment",
    ...state,
  });

  it("completes paid or unpaid with the order's amount and a lower-case currency", () => {
    expect(checkoutSessionCompleted(order, { paymentStatus: "paid" })).toEqual({
      ...envelopeOf("checkout.session.completed"),
      data: {
        object: sessionOf({ payment_intent: "pi_local_order-1", payment_status: "paid", status: "complete" }),
      },
    });
    expect(checkoutSessionCompleted(order, { paymentStatus: "unpaid" }).data.object.payment_status).toBe(
      "unpaid",
    );
  });

  it("ends a delayed payment as paid or unpaid", () => {
    expect(checkoutSessionAsyncPaymentSucceeded(order)).toEqual({
      ...envelopeOf("checkout.session.async_payment_succeeded"),
      data: {
        object: sessionOf({ payment_intent: "pi_local_order-1", payment_status: "paid", status: "complete" }),
      },
    });
    expect(checkoutSessionAsyncPaymentFailed(order)).toEqual({
      ...envelopeOf("checkout.session.async_payment_failed"),
      data: {
        object: sessionOf({
          payment_intent: "pi_local_order-1",
          payment_status: "unpaid",
          status: "complete",
        }),
      },
    });
  });

  it("expires without a payment intent", () => {
    expect(checkoutSessionExpired(order)).toEqual({
      ...envelopeOf("checkout.session.expired"),
      data: { object: sessionOf({ payment_intent: null, payment_status: "unpaid", status: "expired" }) },
    });
  });

  it("uses the session and payment intent ids it is given", () => {
    const event = checkoutSessionCompleted(
      { ...order, sessionId: "cs_test_a1", paymentIntentId: "pi_test_b2" },
      { paymentStatus: "paid", id: "evt_1" },
    );
    expect(event.id).toBe("evt_1");
    expect(event.data.object).toMatchObject({ id: "cs_test_a1", payment_intent: "pi_test_b2" });
  });
});

describe("payment intent and charge events", () => {
  it("declines a card with a default or given reason", () => {
    expect(paymentIntentFailed(order)).toEqual({
      ...envelopeOf("payment_intent.payment_failed"),
      data: {
        object: {
          id: "pi_local_order-1",
          object: "payment_intent",
          amount: 3_000,
          currency: "usd",
          metadata: { orderId: "order-1" },
          status: "requires_payment_method",
          last_payment_error: {
            code: "card_declined",
            decline_code: "generic_decline",
            message: "Your card was declined.",
          },
        },
      },
    });
    const given = paymentIntentFailed(order, {
      message: "Insufficient funds.",
      declineCode: "insufficient_funds",
    });
    expect(given.data.object.last_payment_error).toEqual({
      code: "card_declined",
      decline_code: "insufficient_funds",
      message: "Insufficient funds.",
    });
  });

  it("refunds a charge: refunded only once the running total reaches the amount", () => {
    expect(chargeRefunded(order, { amountRefundedCents: 700 })).toEqual({
      ...envelopeOf("charge.refunded"),
      data: {
        object: {
          id: "ch_local_order-1",
          object: "charge",
          amount: 3_000,
          amount_refunded: 700,
          currency: "usd",
          metadata: { orderId: "order-1" },
          payment_intent: "pi_local_order-1",
          refunded: false,
        },
      },
    });
    expect(chargeRefunded(order, { amountRefundedCents: 3_000 }).data.object.refunded).toBe(true);
  });
});

describe("signPayload", () => {
  const event = checkoutSessionCompleted(order, { paymentStatus: "paid" });
  const payload = JSON.stringify(event);

  it("signs as Stripe does: the SDK's verification accepts it and returns the event", () => {
    expect(Stripe.webhooks.constructEvent(payload, signPayload(payload, SECRET), SECRET)).toEqual(event);
  });

  it("is refused with another secret or a timestamp past the tolerance", () => {
    expect(() =>
      Stripe.webhooks.constructEvent(payload, signPayload(payload, "whsec_other"), SECRET),
    ).toThrow();
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect(() =>
      Stripe.webhooks.constructEvent(payload, signPayload(payload, SECRET, stale), SECRET),
    ).toThrow(/tolerance/);
  });
});
