import { stripeEvent, type EventOptions, type StripeEvent } from "./envelope";
import { paymentIntentIdOf, stripeCurrency, type OrderPaymentFacts } from "./order-facts";

export interface PaymentIntentObject {
  id: string;
  object: "payment_intent";
  amount: number;
  currency: string;
  metadata: { orderId: string };
  status: "requires_payment_method";
  last_payment_error: { code: "card_declined"; decline_code: string; message: string };
}

/** A declined card: on Stripe Checkout the session stays open for another try. */
export function paymentIntentFailed(
  order: OrderPaymentFacts,
  {
    message = "Your card was declined.",
    declineCode = "generic_decline",
    ...options
  }: EventOptions & { message?: string; declineCode?: string } = {},
): StripeEvent<"payment_intent.payment_failed", PaymentIntentObject> {
  return stripeEvent(
    "payment_intent.payment_failed",
    {
      id: paymentIntentIdOf(order),
      object: "payment_intent",
      amount: order.amountCents,
      currency: stripeCurrency(order),
      metadata: { orderId: order.orderId },
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined", decline_code: declineCode, message },
    },
    options,
  );
}
