import { notificationSchema } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { orderRef, parseOrder } from "../orders/order-docs";
import { writeOrderNote } from "../orders/order-notes";
import type { EventEffect } from "./event-effect";
import { declinedNoticeId } from "./event-ids";
import type { PaymentAction } from "./payment-events";

type AttemptFailed = Extract<PaymentAction, { kind: "attempt_failed" }>;

/**
 * A declined card on Stripe Checkout ends an attempt, not the session: the shopper can try another
 * card on the same page until the session expires. The order stays awaiting payment with its stock;
 * the attempt goes on the timeline and the shopper is told they can try again.
 */
export async function applyAttemptFailed(
  tx: Transaction,
  db: Firestore,
  action: AttemptFailed,
): Promise<EventEffect> {
  const { orderId, eventId } = action;
  const ref = orderRef(db, orderId);
  const order = parseOrder((await tx.get(ref)).data());
  if (!order) return { outcome: "ignored", orderId, reason: `Order ${orderId} does not exist` };
  if (order.status !== "awaiting_payment") {
    // A delayed method that fails also ends its session: checkout.session.async_payment_failed does that.
    const reason = `A declined attempt changes nothing for an order that is "${order.status}"`;
    return { outcome: "ignored", orderId, reason };
  }

  const now = FieldValue.serverTimestamp();
  const message = action.message.slice(0, 500);
  tx.update(ref, {
    "payment.failedAttempts": FieldValue.increment(1),
    "payment.lastError": message,
    "payment.paymentIntentId": action.paymentIntentId,
    updatedAt: now,
  });
  writeOrderNote(tx, db, orderId, {
    id: `attempt_failed_${eventId}`,
    status: order.status,
    event: "payment_failed",
    kind: "payment_attempt_failed",
    actor: { type: "provider", id: eventId },
    note: `Payment attempt declined: ${message} The checkout stays open for another try.`,
  });
  const notification = notificationSchema.parse({
    title: "Card declined",
    body: `${message} Your items are still reserved: you can try again with another card.`.slice(0, 1000),
    orderId,
    read: false,
    createdAt: new Date(),
  });
  tx.set(
    db.collection("users").doc(order.uid).collection("notifications").doc(declinedNoticeId(orderId, eventId)),
    {
      ...notification,
      createdAt: now,
    },
  );
  return { outcome: "applied", orderId };
}
