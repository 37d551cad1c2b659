import "server-only";
import {
  checkoutSessionCompleted,
  checkoutSessionExpired,
  paymentIntentFailed,
  type OrderPaymentFacts,
} from "@hearth/stripe-events";
import type { PaymentOrder } from "./payment-order";

export const outcomes = ["pay", "decline", "expire"] as const;
export type Outcome = (typeof outcomes)[number];

/** What Stripe knows of the order once it is priced: its session, amount and currency. */
export function paymentFactsOf(order: PaymentOrder): OrderPaymentFacts | null {
  if (order.totalCents === null || order.currency === null) return null;
  return {
    orderId: order.id,
    amountCents: order.totalCents,
    currency: order.currency,
    ...(order.sessionId ? { sessionId: order.sessionId } : {}),
  };
}

/** The event Stripe would send for the shopper's choice. */
export function stripeEventFor(outcome: Outcome, facts: OrderPaymentFacts) {
  switch (outcome) {
    case "pay":
      return checkoutSessionCompleted(facts, { paymentStatus: "paid" });
    case "decline":
      return paymentIntentFailed(facts);
    case "expire":
      return checkoutSessionExpired(facts);
  }
}
