import { mailSchema, notificationSchema, orderEventRecordSchema, storeConfigSchema } from "@hearth/domain";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import type { EmailLookup } from "../notifications/notify-status-change";
import { orderRef } from "../orders/order-docs";
import { logSagaStep } from "../orders/saga-log";
import { lateOrderSchema, type LateRefundTask } from "./late-payment";
import { lateRefundMessage } from "./late-refund-message";
import type { PaymentProvider } from "./provider";

/** orders/{id}/events/{LATE_REFUND_EVENT_ID}, users/{uid}/notifications/{id}_late_refund, mail/{id}_late_refund */
export const LATE_REFUND_EVENT_ID = "late_payment_refunded";
export const lateRefundNoticeId = (orderId: string) => `${orderId}_late_refund`;

export interface LateRefundResult {
  refundId: string;
  /** False when an earlier delivery had already recorded the refund. */
  recorded: boolean;
}

const storeNameSchema = storeConfigSchema.pick({ storeName: true });

/**
 * Refunds a late payment (outside any transaction; the idempotency key is per payment intent, so a
 * retry never refunds twice), then records it once: `payment.lateRefundId`, the order's event note and the
 * shopper's notification + mail are written in one transaction that first checks the refund id.
 * Throws when the provider fails, so the webhook answers 5xx and the redelivery finishes the job.
 */
export async function completeLateRefund(
  db: Firestore,
  provider: PaymentProvider,
  task: LateRefundTask,
  lookupEmail: EmailLookup,
): Promise<LateRefundResult> {
  const { orderId, paymentIntentId } = task;
  const { refundId } = await provider.refund({
    orderId,
    paymentIntentId,
    amountCents: task.amountCents,
    // One late refund per payment intent, apart from the keys of the order's own refunds.
    idempotencyKey: `${orderId}-late-refund-${paymentIntentId}`,
  });
  logSagaStep("late_refund", "Refunded a late payment", {
    orderId,
    paymentIntentId,
    refundId,
    eventId: task.eventId,
  });

  const ref = orderRef(db, orderId);
  const seen = lateOrderSchema.parse((await ref.get()).data());
  const [email, storeConfig] = await Promise.all([
    lookupEmail(seen.uid),
    db.collection("config").doc("store").get(),
  ]);
  const storeName = storeNameSchema.safeParse(storeConfig.data());
  const message = lateRefundMessage({
    orderId,
    status: seen.status,
    amountCents: task.amountCents,
    ...(seen.currency ? { currency: seen.currency } : {}),
    ...(storeName.success ? { storeName: storeName.data.storeName } : {}),
  });
  const mail = email
    ? mailSchema.safeParse({
        to: email,
        message: { subject: message.subject, text: message.text, html: message.html },
      })
    : null;

  return db.runTransaction(async (tx): Promise<LateRefundResult> => {
    const order = lateOrderSchema.parse((await tx.get(ref)).data());
    const recordedId = order.payment?.lateRefundId;
    if (recordedId) return { refundId: recordedId, recorded: false };

    const now = FieldValue.serverTimestamp();
    tx.update(ref, { "payment.lateRefundId": refundId, updatedAt: now });
    const note = orderEventRecordSchema.parse({
      from: order.status,
      to: order.status,
      event: "refunded",
      actor: { type: "provider", id: task.eventId },
      at: new Date(),
      note: `Late payment ${paymentIntentId} arrived after the order was ${order.status}; refunded as ${refundId}`,
    });
    tx.set(ref.collection("events").doc(LATE_REFUND_EVENT_ID), { ...note, at: now });

    const noticeId = lateRefundNoticeId(orderId);
    const notification = notificationSchema.parse({
      title: message.title,
      body: message.body,
      orderId,
      read: false,
      createdAt: new Date(),
    });
    tx.set(db.collection("users").doc(order.uid).collection("notifications").doc(noticeId), {
      ...notification,
      createdAt: now,
    });
    if (mail?.success) tx.set(db.collection("mail").doc(noticeId), { ...mail.data, createdAt: now });
    else logger.info("No usable email for order owner; skipping late refund mail", { orderId });
    return { refundId, recorded: true };
  });
}
