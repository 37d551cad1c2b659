import "server-only";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import type { PaymentOrder } from "./payment-order";

export const outcomes = ["pay", "decline", "expire"] as const;
export type Outcome = (typeof outcomes)[number];

/** The event Stripe would send for the shopper's choice, shaped as Stripe shapes it. */
export function stripeEventFor(outcome: Outcome, order: PaymentOrder) {
  const orderId = order.id;
  const amount = order.totalCents ?? 0;
  const currency = (order.currency ?? "usd").toLowerCase();
  const session = {
    id: `cs_local_${orderId}`,
    object: "checkout.session",
    client_reference_id: orderId,
    metadata: { orderId },
    amount_total: amount,
    currency,
  };
  const envelope = (type: string, object: Record<string, unknown>) => ({
    id: `evt_local_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });

  switch (outcome) {
    case "pay":
      return envelope("checkout.session.completed", {
        ...session,
        payment_intent: `pi_local_${orderId}`,
        payment_status: "paid",
        status: "complete",
      });
    case "decline":
      return envelope("payment_intent.payment_failed", {
        id: `pi_local_${orderId}`,
        object: "payment_intent",
        amount,
        currency,
        metadata: { orderId },
        status: "requires_payment_method",
        last_payment_error: {
          code: "card_declined",
          decline_code: "generic_decline",
          message: "Your card was declined.",
        },
      });
    case "expire":
      return envelope("checkout.session.expired", {
        ...session,
        payment_intent: null,
        payment_status: "unpaid",
        status: "expired",
      });
  }
}

/** Signs the payload exactly as Stripe does (t=…,v1=HMAC-SHA256 of "t.payload"). */
export function signPayload(payload: string, secret: string): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret });
}
