/** What Stripe knows about an order's payment: the amount and currency its session was opened for. */
export interface OrderPaymentFacts {
  orderId: string;
  amountCents: number;
  /** ISO 4217 in either case; events carry it lower-case, as Stripe does. */
  currency: string;
  /** Defaults to the local provider's `cs_local_{orderId}`. */
  sessionId?: string;
  /** Defaults to `pi_local_{orderId}`. */
  paymentIntentId?: string;
}

export function sessionIdOf(order: OrderPaymentFacts): string {
  return order.sessionId ?? `cs_local_${order.orderId}`;
}

export function paymentIntentIdOf(order: OrderPaymentFacts): string {
  return order.paymentIntentId ?? `pi_local_${order.orderId}`;
}

export function stripeCurrency(order: OrderPaymentFacts): string {
  return order.currency.toLowerCase();
}
