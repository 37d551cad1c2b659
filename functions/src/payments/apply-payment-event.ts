import { webhookEventSchema, type OrderEvent } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { commitTransition, prepareTransition } from "../orders/apply-transition";
import { ORDERS } from "../orders/order-docs";
import type { OrderLocator, PaymentAction } from "./payment-events";

export const WEBHOOK_EVENTS = "webhookEvents";

export type PaymentEventOutcome =
  | { duplicate: true; outcome: string }
  | { duplicate: false; outcome: "applied"; orderId: string }
  | { duplicate: false; outcome: "ignored"; orderId: string | null; reason: string };

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
 * after paid) is recorded as ignored with the reason.
 */
export async function applyPaymentEvent(db: Firestore, action: PaymentAction): Promise<PaymentEventOutcome> {
  const recordRef = db.collection(WEBHOOK_EVENTS).doc(action.eventId);
  return db.runTransaction(async (tx): Promise<PaymentEventOutcome> => {
    const existing = await tx.get(recordRef);
    if (existing.exists) return { duplicate: true, outcome: String(existing.get("outcome")) };

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
      record(orderId, "ignored", prepared.reason);
      return { duplicate: false, outcome: "ignored", orderId, reason: prepared.reason };
    }
    commitTransition(tx, db, prepared);
    record(orderId, "applied");
    return { duplicate: false, outcome: "applied", orderId };
  });
}
