import { webhookEventSchema, type OrderEvent } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { commitTransition, prepareTransition } from "../orders/apply-transition";
import { ORDERS } from "../orders/order-docs";
import {
  judgeLatePayment,
  markLatePayment,
  pendingLateRefund,
  readLateOrder,
  type LatePaymentDecision,
  type LateRefundTask,
} from "./late-payment";
import type { OrderLocator, PaymentAction } from "./payment-events";

export const WEBHOOK_EVENTS = "webhookEvents";

/** `lateRefund`: a captured payment the order cannot keep; the caller refunds it after the commit. */
export type PaymentEventOutcome =
  | { duplicate: true; outcome: string; lateRefund?: LateRefundTask }
  | { duplicate: false; outcome: "applied"; orderId: string; lateRefund?: undefined }
  | {
      duplicate: false;
      outcome: "ignored";
      orderId: string | null;
      reason: string;
      lateRefund?: LateRefundTask;
    };

const paymentStatusFor: Partial<Record<OrderEvent, string>> = {
  payment_succeeded: "paid",
  payment_failed: "failed",
  expired: "expired",
  refunded: "refunded",
};

async function resolveOrderId(tx: Transaction, db: Firestore, locator: OrderLocator): Promise<string | null> {
  if ("orderId" in locator) return locator.orderId;
  const match = await tx.get(
    db.collection(ORDERS).where("payment.paymentIntentId", "==", locator.paymentIntentId).limit(1),
  );
  return match.docs[0]?.id ?? null;
}

/**
 * Records webhookEvents/{event.id} and applies the event in the SAME transaction: a duplicate
 * delivery finds the record and changes nothing; a move the state machine forbids (e.g. expired
 * after paid) is recorded as ignored with the reason. A payment captured for an order that already
 * settled without one is marked on the order and handed back as `lateRefund`; a duplicate delivery
 * hands it back again while its refund is unrecorded, so a failed refund completes on redelivery.
 */
export async function applyPaymentEvent(db: Firestore, action: PaymentAction): Promise<PaymentEventOutcome> {
  const recordRef = db.collection(WEBHOOK_EVENTS).doc(action.eventId);
  return db.runTransaction(async (tx): Promise<PaymentEventOutcome> => {
    const existing = await tx.get(recordRef);
    if (existing.exists) {
      const outcome = String(existing.get("outcome"));
      const lateRefund = await unfinishedLateRefund(tx, db, action, existing.get("orderId"));
      return { duplicate: true, outcome, ...(lateRefund ? { lateRefund } : {}) };
    }

    const record = (orderId: string | null, outcome: "applied" | "ignored", reason?: string) => {
      const parsed = webhookEventSchema.parse({
        type: action.type,
        orderId,
        receivedAt: new Date(),
        outcome,
        ...(reason ? { reason } : {}),
      });
      tx.create(recordRef, { ...parsed, receivedAt: FieldValue.serverTimestamp() });
    };

    if (action.kind === "ignore") {
      record(action.orderId, "ignored", action.reason);
      return { duplicate: false, outcome: "ignored", orderId: action.orderId, reason: action.reason };
    }

    const orderId = await resolveOrderId(tx, db, action.locator);
    if (!orderId) {
      const reason = "No order matches this event";
      record(null, "ignored", reason);
      return { duplicate: false, outcome: "ignored", orderId: null, reason };
    }

    const paymentStatus = paymentStatusFor[action.event];
    const prepared = await prepareTransition(tx, db, {
      orderId,
      event: action.event,
      actor: { type: "provider", id: action.eventId },
      note: action.note ?? action.type,
      fields: {
        ...(action.paymentIntentId ? { "payment.paymentIntentId": action.paymentIntentId } : {}),
        ...(paymentStatus ? { "payment.status": paymentStatus } : {}),
      },
    });
    if (!prepared.ok) {
      const late = await judgeRefusedEvent(tx, db, action, orderId);
      const reason = late.kind === "late" ? late.reason : prepared.reason;
      const task = late.kind === "late" ? late.task : null;
      if (task) markLatePayment(tx, db, task);
      record(orderId, "ignored", reason);
      return { duplicate: false, outcome: "ignored", orderId, reason, ...(task ? { lateRefund: task } : {}) };
    }
    commitTransition(tx, db, prepared);
    record(orderId, "applied");
    return { duplicate: false, outcome: "applied", orderId };
  });
}

/** A captured payment the state machine refused may still be money to give back. */
async function judgeRefusedEvent(
  tx: Transaction,
  db: Firestore,
  action: Extract<PaymentAction, { kind: "transition" }>,
  orderId: string,
): Promise<LatePaymentDecision> {
  if (action.event !== "payment_succeeded") return { kind: "not_late" };
  const order = await readLateOrder(tx, db, orderId);
  return judgeLatePayment(order, orderId, action.paymentIntentId, action.eventId);
}

async function unfinishedLateRefund(
  tx: Transaction,
  db: Firestore,
  action: PaymentAction,
  orderId: unknown,
): Promise<LateRefundTask | null> {
  if (action.kind !== "transition" || action.event !== "payment_succeeded") return null;
  if (!action.paymentIntentId || typeof orderId !== "string") return null;
  const order = await readLateOrder(tx, db, orderId);
  return order ? pendingLateRefund(order, orderId, action.paymentIntentId, action.eventId) : null;
}
