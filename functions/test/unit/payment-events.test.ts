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
  it("maps a paid checkout session to payment_succeeded, order id from client_reference_id", () => {
    const action = actionOf(
      event(
        "checkout.session.completed",
        session({ client_reference_id: "o1", payment_intent: "pi_1", payment_status: "paid" }),
      ),
    );
    expect(action).toEqual({
      kind: "transition",
      eventId: "evt_1",
      type: "checkout.session.completed",
      locator: { orderId: "o1" },
      event: "payment_succeeded",
      paymentIntentId: "pi_1",
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

  it("ignores a completed session that is not paid yet", () => {
    const action = actionOf(
      event("checkout.session.completed", session({ client_reference_id: "o1", payment_status: "unpaid" })),
    );
    expect(action).toMatchObject({
      kind: "ignore",
      orderId: "o1",
      reason: expect.stringContaining("unpaid"),
    });
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

  it("maps a failed payment intent to payment_failed with the decline message", () => {
    const action = actionOf(
      event("payment_intent.payment_failed", {
        id: "pi_4",
        object: "payment_intent",
        metadata: { orderId: "o4" },
        last_payment_error: { message: "Your card was declined." },
      }),
    );
    expect(action).toMatchObject({
      event: "payment_failed",
      locator: { orderId: "o4" },
      note: "Your card was declined.",
    });
  });

  it("finds a refunded charge's order by metadata or by payment intent", () => {
    const byIntent = actionOf(
      event("charge.refunded", { id: "ch_1", object: "charge", payment_intent: "pi_5", refunded: true }),
    );
    expect(byIntent).toMatchObject({ event: "refunded", locator: { paymentIntentId: "pi_5" } });
    const byMetadata = actionOf(
      event("charge.refunded", {
        id: "ch_2",
        object: "charge",
        payment_intent: "pi_6",
        metadata: { orderId: "o6" },
        refunded: true,
      }),
    );
    expect(byMetadata).toMatchObject({ locator: { orderId: "o6" } });
  });

  it("ignores partial refunds, events without an order and unhandled types", () => {
    const partial = actionOf(
      event("charge.refunded", { id: "ch_3", object: "charge", payment_intent: "pi_7", refunded: false }),
    );
    expect(partial).toMatchObject({ kind: "ignore", reason: expect.stringContaining("Partial") });
    expect(actionOf(event("checkout.session.expired", session({})))).toMatchObject({
      kind: "ignore",
      orderId: null,
    });
    expect(actionOf(event("customer.created", { id: "cus_1" }))).toMatchObject({
      kind: "ignore",
      reason: "Unhandled event type customer.created",
    });
  });

  it("rejects malformed envelopes and payloads of handled types", () => {
    expect(parsePaymentEvent({ type: "checkout.session.completed" })).toMatchObject({ ok: false });
    const wrongObject = parsePaymentEvent(
      event("checkout.session.completed", { id: "pi_1", object: "payment_intent" }),
    );
    expect(wrongObject).toMatchObject({ ok: false, error: expect.stringContaining("object") });
    const badRefund = parsePaymentEvent(event("charge.refunded", { id: "ch_1", object: "charge" }));
    expect(badRefund).toMatchObject({ ok: false, error: expect.stringContaining("refunded") });
  });
});
