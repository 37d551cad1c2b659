import { formatMoney, type Order, type OrderStatus } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { commitTransition, moveOf, prepareTransition } from "../orders/apply-transition";
import { orderRef, parseOrder } from "../orders/order-docs";
import { writeOrderNote } from "../orders/order-notes";
import type { EventEffect } from "./event-effect";
import type { PaymentAction } from "./payment-events";

type RefundObserved = Extract<PaymentAction, { kind: "refund_observed" }>;

/** Orders whose payment the shop kept: a full refund of it makes them `refunded`. */
const KEPT_PAYMENT: ReadonlySet<OrderStatus> = new Set(["paid", "shipped", "delivered"]);

/**
 * `charge.refunded` carries Stripe's running total for the charge, so the order keeps the larger of
 * what it knew and what Stripe says: redeliveries and out-of-order events change nothing, and a
 * refund made in the Stripe dashboard shows on the order like one an admin made here. A full refund
 * of a payment the shop kept moves the order to `refunded` (stock goes back only from `paid`).
 */
export async function applyRefundObserved(
  tx: Transaction,
  db: Firestore,
  action: RefundObserved,
  orderId: string,
): Promise<EventEffect> {
  const ref = orderRef(db, orderId);
  const order = parseOrder((await tx.get(ref)).data());
  if (!order) return { outcome: "ignored", orderId, reason: `Order ${orderId} does not exist` };
  const refusal = refundRefusal(order, action);
  if (refusal) return { outcome: "ignored", orderId, reason: refusal };
  const known = order.payment?.refundedCents ?? 0;
  const refunded = action.amountRefundedCents;
  if (refunded <= known) {
    return { outcome: "ignored", orderId, reason: `A refund of ${refunded} is already recorded` };
  }

  const total = order.totalCents ?? 0;
  const fields = { "payment.refundedCents": refunded };
  if (refunded >= total && KEPT_PAYMENT.has(order.status)) {
    const prepared = await prepareTransition(tx, db, {
      orderId,
      event: "refunded",
      actor: { type: "provider", id: action.eventId },
      note: `${action.type}: refunded in full`,
      fields: { ...fields, "payment.status": "refunded" },
    });
    if (prepared.ok) {
      commitTransition(tx, db, prepared);
      return { outcome: "applied", orderId, moved: moveOf(prepared) };
    }
  }

  tx.update(ref, { ...fields, updatedAt: FieldValue.serverTimestamp() });
  const amount = order.currency ? formatMoney(refunded, order.currency) : String(refunded);
  const of = order.currency ? ` of ${formatMoney(total, order.currency)}` : "";
  writeOrderNote(tx, db, orderId, {
    id: `refund_${action.eventId}`,
    status: order.status,
    event: "refunded",
    kind: "refund_recorded",
    actor: { type: "provider", id: action.eventId },
    note: `The payment provider reports ${amount}${of} refunded in total`,
  });
  return { outcome: "applied", orderId };
}

/** Why Stripe's figure cannot be the order's refunded total, or null when it can. */
function refundRefusal(order: Order, action: RefundObserved): string | null {
  const ownIntent = order.payment?.paymentIntentId;
  // e.g. the refund of a late payment, which completeLateRefund records itself.
  if (action.paymentIntentId && ownIntent !== action.paymentIntentId) {
    return "The refund is for another payment than the order's";
  }
  if (!order.paidAt || !ownIntent) return `The order was never paid (it is "${order.status}")`;
  if (action.currency && action.currency.toUpperCase() !== order.currency) {
    return `The refund is in ${action.currency.slice(0, 10)}, the order in ${order.currency ?? "no currency"}`;
  }
  const total = order.totalCents ?? 0;
  if (action.amountRefundedCents > total) {
    return `Stripe reports ${action.amountRefundedCents} refunded, more than the order total ${total}`;
  }
  return null;
}
