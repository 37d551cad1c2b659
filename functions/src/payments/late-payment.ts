import { orderSchema, paymentSchema, type OrderStatus } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import * as z from "zod";
import { orderRef } from "../orders/order-docs";

/** Terminal statuses in which the order keeps no payment: money captured now has to go back. */
export const LATE_PAYMENT_STATUSES: ReadonlySet<OrderStatus> = new Set([
  "expired",
  "cancelled",
  "payment_failed",
  "rejected",
]);

export const LATE_REFUND_REASON = "Late payment refunded";

/** The order with the late-payment markers the webhook keeps in `payment`. */
export const lateOrderSchema = orderSchema.extend({
  payment: paymentSchema
    .extend({
      /** A payment captured after the order had settled without one; refunded, never kept. */
      latePaymentIntentId: z.string().min(1).optional(),
      /** The event that marked it: only that event's deliveries call the provider. */
      latePaymentEventId: z.string().min(1).optional(),
      /** Set once, in the transaction that records the refund's event note and notification. */
      lateRefundId: z.string().min(1).optional(),
    })
    .optional(),
});
export type LateOrder = z.infer<typeof lateOrderSchema>;

/** Work left after the webhook's transaction: refund through the provider, then record it. */
export interface LateRefundTask {
  orderId: string;
  paymentIntentId: string;
  amountCents: number;
  eventId: string;
}

/** `task` is set only for the first event about the payment; the caller marks it on the order. */
export type LatePaymentDecision =
  { kind: "not_late" } | { kind: "late"; reason: string; task: LateRefundTask | null };

export async function readLateOrder(
  tx: Transaction,
  db: Firestore,
  orderId: string,
): Promise<LateOrder | null> {
  const parsed = lateOrderSchema.safeParse((await tx.get(orderRef(db, orderId))).data());
  return parsed.success ? parsed.data : null;
}

function taskFor(
  order: LateOrder,
  orderId: string,
  paymentIntentId: string,
  eventId: string,
): LateRefundTask {
  return { orderId, paymentIntentId, amountCents: order.totalCents ?? 0, eventId };
}

/** For a redelivery of the event that marked the late payment: its refund, if not recorded yet. */
export function pendingLateRefund(
  order: LateOrder,
  orderId: string,
  paymentIntentId: string,
  eventId: string,
): LateRefundTask | null {
  const payment = order.payment;
  if (!payment || payment.lateRefundId) return null;
  if (payment.latePaymentIntentId !== paymentIntentId || payment.latePaymentEventId !== eventId) return null;
  return taskFor(order, orderId, paymentIntentId, eventId);
}

/**
 * Read phase, for a captured payment the state machine refused: is it a payment for an order that
 * settled without one? The first event about the payment intent gets the refund task and marks the
 * order (markLatePayment, in the same transaction as its webhookEvents record); any other event
 * about the same intent finds the mark and never starts a second refund.
 */
export function judgeLatePayment(
  order: LateOrder | null,
  orderId: string,
  paymentIntentId: string | null,
  eventId: string,
): LatePaymentDecision {
  if (!order || !paymentIntentId || !LATE_PAYMENT_STATUSES.has(order.status)) return { kind: "not_late" };
  const payment = order.payment;
  // The order's own accepted payment: whoever settled the paid order (an admin cancel) refunded it.
  // A failed attempt's intent is recorded too, but it may still succeed on Stripe's checkout page.
  if (order.paidAt && payment?.paymentIntentId === paymentIntentId) return { kind: "not_late" };
  if (payment?.latePaymentIntentId === paymentIntentId) {
    const reason = `${LATE_REFUND_REASON} (the refund belongs to event ${payment.latePaymentEventId})`;
    return { kind: "late", reason, task: null };
  }
  if (payment?.latePaymentIntentId) {
    // One checkout session per order, so one payment intent: a second one means something is off.
    logger.error("A second late payment arrived for an order; refund it by hand", {
      orderId,
      paymentIntentId,
      latePaymentIntentId: payment.latePaymentIntentId,
    });
    return { kind: "not_late" };
  }
  const reason = `${LATE_REFUND_REASON}: the order is "${order.status}"`;
  return { kind: "late", reason, task: taskFor(order, orderId, paymentIntentId, eventId) };
}

/** Write phase: the order keeps its status and records which payment is owed back. */
export function markLatePayment(tx: Transaction, db: Firestore, task: LateRefundTask): void {
  tx.update(orderRef(db, task.orderId), {
    "payment.latePaymentIntentId": task.paymentIntentId,
    "payment.latePaymentEventId": task.eventId,
    updatedAt: FieldValue.serverTimestamp(),
  });
}
