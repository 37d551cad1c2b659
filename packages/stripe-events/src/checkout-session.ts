import { stripeEvent, type EventOptions, type StripeEvent } from "./envelope";
import { paymentIntentIdOf, sessionIdOf, stripeCurrency, type OrderPaymentFacts } from "./order-facts";

export interface CheckoutSessionObject {
  id: string;
  object: "checkout.session";
  client_reference_id: string;
  metadata: { orderId: string };
  amount_total: number;
  currency: string;
  payment_intent: string | null;
  payment_status: "paid" | "unpaid";
  status: "complete" | "expired";
  mode: "payment";
}

export type CheckoutSessionEvent<Type extends string> = StripeEvent<Type, CheckoutSessionObject>;

type SessionState = Pick<CheckoutSessionObject, "payment_intent" | "payment_status" | "status">;

function sessionEvent<Type extends string>(
  type: Type,
  order: OrderPaymentFacts,
  state: SessionState,
  options: EventOptions,
): CheckoutSessionEvent<Type> {
  const object: CheckoutSessionObject = {
    id: sessionIdOf(order),
    object: "checkout.session",
    client_reference_id: order.orderId,
    metadata: { orderId: order.orderId },
    amount_total: order.amountCents,
    currency: stripeCurrency(order),
    mode: "payment",
    ...state,
  };
  return stripeEvent(type, object, options);
}

/** A session the shopper completed: a payment intent exists, whether or not it has been paid yet. */
function complete(order: OrderPaymentFacts, paymentStatus: "paid" | "unpaid"): SessionState {
  return { payment_intent: paymentIntentIdOf(order), payment_status: paymentStatus, status: "complete" };
}

/** "unpaid" is a delayed method (SEPA, ACH…): the async events tell later how it ended. */
export function checkoutSessionCompleted(
  order: OrderPaymentFacts,
  { paymentStatus, ...options }: EventOptions & { paymentStatus: "paid" | "unpaid" },
): CheckoutSessionEvent<"checkout.session.completed"> {
  return sessionEvent("checkout.session.completed", order, complete(order, paymentStatus), options);
}

export function checkoutSessionAsyncPaymentSucceeded(
  order: OrderPaymentFacts,
  options: EventOptions = {},
): CheckoutSessionEvent<"checkout.session.async_payment_succeeded"> {
  return sessionEvent("checkout.session.async_payment_succeeded", order, complete(order, "paid"), options);
}

export function checkoutSessionAsyncPaymentFailed(
  order: OrderPaymentFacts,
  options: EventOptions = {},
): CheckoutSessionEvent<"checkout.session.async_payment_failed"> {
  return sessionEvent("checkout.session.async_payment_failed", order, complete(order, "unpaid"), options);
}

export function checkoutSessionExpired(
  order: OrderPaymentFacts,
  options: EventOptions = {},
): CheckoutSessionEvent<"checkout.session.expired"> {
  const state: SessionState = { payment_intent: null, payment_status: "unpaid", status: "expired" };
  return sessionEvent("checkout.session.expired", order, state, options);
}
