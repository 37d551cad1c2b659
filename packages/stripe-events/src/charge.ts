import { stripeEvent, type EventOptions, type StripeEvent } from "./envelope";
import { paymentIntentIdOf, stripeCurrency, type OrderPaymentFacts } from "./order-facts";

export interface ChargeObject {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  currency: string;
  metadata: { orderId: string };
  payment_intent: string;
  refunded: boolean;
}

/** Stripe sends `amount_refunded` as the running total over every refund of the charge. */
export function chargeRefunded(
  order: OrderPaymentFacts,
  { amountRefundedCents, ...options }: EventOptions & { amountRefundedCents: number },
): StripeEvent<"charge.refunded", ChargeObject> {
  return stripeEvent(
    "charge.refunded",
    {
      id: `ch_local_${order.orderId}`,
      object: "charge",
      amount: order.amountCents,
      amount_refunded: amountRefundedCents,
      currency: stripeCurrency(order),
      metadata: { orderId: order.orderId },
      payment_intent: paymentIntentIdOf(order),
      refunded: amountRefundedCents >= order.amountCents,
    },
    options,
  );
}
