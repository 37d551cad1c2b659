import * as z from "zod";

/**
 * How long a priced order holds its stock. Stripe refuses a Checkout Session that expires sooner
 * than 30 minutes after it is created, and the session expires with the order (same instant), so
 * the order gets 30 minutes plus a margin for the trigger that creates the session.
 */
export const ORDER_EXPIRY_MINUTES = 32;
export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

export const orderStatuses = [
  "pending",
  "awaiting_payment",
  "payment_processing",
  "paid",
  "shipped",
  "delivered",
  "rejected",
  "payment_failed",
  "expired",
  "cancelled",
  "refunded",
] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderEvents = [
  "priced",
  "rejected",
  "payment_processing",
  "payment_succeeded",
  "payment_failed",
  "expired",
  "cancelled",
  "shipped",
  "delivered",
  "refunded",
] as const;
export const orderEventSchema = z.enum(orderEvents);
export type OrderEvent = z.infer<typeof orderEventSchema>;

export interface TransitionRule {
  readonly from: readonly OrderStatus[];
  readonly to: OrderStatus;
}

/** The only legal moves. Each event always lands on one status. */
export const transitions = {
  priced: { from: ["pending"], to: "awaiting_payment" },
  rejected: { from: ["pending"], to: "rejected" },
  // A delayed method (SEPA, ACH…) completes checkout unpaid; the bank decides days later.
  payment_processing: { from: ["awaiting_payment"], to: "payment_processing" },
  payment_succeeded: { from: ["awaiting_payment", "payment_processing"], to: "paid" },
  // Only the end of a payment: a declined card on Stripe Checkout is an attempt, not an end.
  payment_failed: { from: ["awaiting_payment", "payment_processing"], to: "payment_failed" },
  expired: { from: ["awaiting_payment"], to: "expired" },
  // Shopper cancels while pending/awaiting_payment; admin cancels a paid order (and refunds).
  cancelled: { from: ["pending", "awaiting_payment", "paid"], to: "cancelled" },
  shipped: { from: ["paid"], to: "shipped" },
  delivered: { from: ["shipped"], to: "delivered" },
  // Full refunds, by an admin or in the provider's dashboard, also after the goods went out.
  refunded: { from: ["paid", "shipped", "delivered"], to: "refunded" },
} as const satisfies Record<OrderEvent, TransitionRule>;

export type TransitionResult = { ok: true; to: OrderStatus } | { ok: false; error: string };

function ruleFor(event: OrderEvent): TransitionRule | undefined {
  // Guards against untyped runtime input such as "toString".
  return Object.hasOwn(transitions, event) ? transitions[event] : undefined;
}

export function transition(order: { status: OrderStatus }, event: OrderEvent): TransitionResult {
  const rule = ruleFor(event);
  if (!rule) return { ok: false, error: `Unknown order event "${String(event)}"` };
  if (!rule.from.includes(order.status)) {
    return { ok: false, error: `Cannot apply "${event}" to an order that is "${order.status}"` };
  }
  return { ok: true, to: rule.to };
}

export function allowedEvents(status: OrderStatus): OrderEvent[] {
  return orderEvents.filter((event) => ruleFor(event)?.from.includes(status) === true);
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowedEvents(from).some((event) => ruleFor(event)?.to === to);
}

export function isTerminal(status: OrderStatus): boolean {
  return allowedEvents(status).length === 0;
}

/** Stock is reserved when an order is priced, so only moves out of a reserved state give it back. */
export function releasesStock(from: OrderStatus, to: OrderStatus): boolean {
  if (from === "awaiting_payment") {
    return to === "payment_failed" || to === "expired" || to === "cancelled";
  }
  if (from === "payment_processing") return to === "payment_failed";
  if (from === "paid") return to === "cancelled" || to === "refunded";
  return false;
}

const labels: Record<OrderStatus, string> = {
  pending: "Pending",
  awaiting_payment: "Awaiting payment",
  payment_processing: "Payment processing",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  rejected: "Rejected",
  payment_failed: "Payment failed",
  expired: "Expired",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

export function statusLabel(status: OrderStatus): string {
  return labels[status];
}
