import { describe, expect, it } from "vitest";
import { parsePaymentEvent, type PaymentAction } from "../../src/payments/payment-events";

function event(type: string, object: Record<string, unknown>, id = "evt_1") {
  return { id, object: "event", type, data: { object } };
}

function actionOf(payload: unknown): PaymentAction {
  const parsed = parsePaymentEvent(payload);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.action;
}

const session = (extra: Record<string, unknown>) => ({ id: "cs_1", object: "checkout.session", ...extra });

describe("parsePaymentEvent", () => {
  it("maps a paid checkout session to payment_succeeded with what the session says was paid", () => {
    const action = actionOf(
      event(
        "checkout.session.completed",
        session({
          client_reference_id: "o1",
          metadata: { orderId: "o1" },
          payment_intent: "pi_1",
          payment_status: "paid",
          amount_total: 4200,
          currency: "eur",
        }),
      ),
    );
    expect(action).toEqual({
      kind: "transition",
      eventId: "evt_1",
      type: "checkout.session.completed",
      locator: { orderId: "o1" },
      event: "payment_succeeded",
      paymentIntentId: "pi_1",
      session: { sessionId: "cs_1", metadataOrderId: "o1", amountCents: 4200, currency: "eur" },
    });
  });

  it("falls back to metadata.orderId and accepts an expanded payment intent", () => {
    const action = actionOf(
      event(
        "checkout.session.completed",
        session({
          client_reference_id: null,
          metadata: { orderId: "o2" },
          payment_intent: { id: "pi_2" },
          payment_status: "paid",
        }),
      ),
    );
    expect(action).toMatchObject({ locator: { orderId: "o2" }, paymentIntentId: "pi_2" });
  });

  it("maps a completed but unpaid session (a delayed method) to payment_processing", () => {
    const action = actionOf(
      event(
        "checkout.session.completed",
        session({ client_reference_id: "o1", payment_status: "unpaid", amount_total: 100, currency: "usd" }),
      ),
    );
    expect(action).toMatchObject({
      kind: "transition",
      event: "payment_processing",
      session: { sessionId: "cs_1", amountCents: 100, currency: "usd" },
    });
  });

  it("maps the async outcome of a delayed method to paid or payment_failed", () => {
    const succeeded = actionOf(
      event(
        "checkout.session.async_payment_succeeded",
        session({ client_reference_id: "o1", payment_status: "paid" }),
      ),
    );
    expect(succeeded).toMatchObject({ event: "payment_succeeded", session: { sessionId: "cs_1" } });
    const failed = actionOf(
      event(
        "checkout.session.async_payment_failed",
        session({ client_reference_id: "o1", payment_status: "unpaid" }),
      ),
    );
    expect(failed).toMatchObject({ kind: "transition", event: "payment_failed", locator: { orderId: "o1" } });
    expect(failed).not.toHaveProperty("session");
  });

  it("ignores a completed session with a payment status it does not know", () => {
    const action = actionOf(
      event("checkout.session.completed", session({ client_reference_id: "o1", payment_status: "weird" })),
    );
    expect(action).toMatchObject({ kind: "ignore", orderId: "o1", reason: expect.stringContaining("weird") });
  });

  it("maps an expired session to expired", () => {
    const action = actionOf(event("checkout.session.expired", session({ metadata: { orderId: "o3" } })));
    expect(action).toMatchObject({
      kind: "transition",
      event: "expired",
      locator: { orderId: "o3" },
      paymentIntentId: null,
    });
  });

  it("maps a failed payment intent to a failed attempt, not to the end of the order", () => {
    const action = actionOf(
      event("payment_intent.payment_failed", {
        id: "pi_4",
        object: "payment_intent",
        metadata: { orderId: "o4" },
        last_payment_error: { message: "Your card was declined." },
      }),
    );
    expect(action).toEqual({
      kind: "attempt_failed",
      eventId: "evt_1",
      type: "payment_intent.payment_failed",
      orderId: "o4",
      paymentIntentId: "pi_4",
      message: "Your card was declined.",
    });
  });

  it("reads a refunded charge's running total and finds its order by metadata or payment intent", () => {
    const charge = { id: "ch_1", object: "charge", amount: 5000, payment_intent: "pi_5" };
    const byIntent = actionOf(event("charge.refunded", { ...charge, amount_refunded: 5000, refunded: true }));
    expect(byIntent).toMatchObject({
      kind: "refund_observed",
      locator: { paymentIntentId: "pi_5" },
      amountRefundedCents: 5000,
    });
    const partial = actionOf(
      event("charge.refunded", {
        ...charge,
        metadata: { orderId: "o6" },
        amount_refunded: 1200,
        refunded: false,
      }),
    );
    expect(partial).toMatchObject({
      kind: "refund_observed",
      locator: { orderId: "o6" },
      amountRefundedCents: 1200,
    });
  });

  it("ignores events without an order and unhandled types", () => {
    expect(actionOf(event("checkout.session.expired", session({})))).toMatchObject({
      kind: "ignore",
      orderId: null,
    });
    expect(actionOf(event("customer.created", { id: "cus_1" }))).toMatchObject({
      kind: "ignore",
      reason: "Unhandled event type customer.created",
    });
  });

  it("refuses ids that cannot name a document, so the webhook answers 4xx instead of failing forever", () => {
    expect(parsePaymentEvent(event("customer.created", { id: "cus_1" }, "evt/../x"))).toMatchObject({
      ok: false,
    });
    const badOrder = parsePaymentEvent(
      event("checkout.session.completed", session({ client_reference_id: "../x", payment_status: "paid" })),
    );
    expect(badOrder).toMatchObject({ ok: false, error: expect.stringContaining("invalid order id") });
  });

  it("rejects malformed envelopes and payloads of handled types", () => {
    expect(parsePaymentEvent({ type: "checkout.session.completed" })).toMatchObject({ ok: false });
    const wrongObject = parsePaymentEvent(
      event("checkout.session.completed", { id: "pi_1", object: "payment_intent" }),
    );
    expect(wrongObject).toMatchObject({ ok: false, error: expect.stringContaining("object") });
    const badRefund = parsePaymentEvent(event("charge.refunded", { id: "ch_1", object: "charge" }));
    expect(badRefund).toMatchObject({ ok: false, error: expect.stringContaining("amount_refunded") });
  });
});
