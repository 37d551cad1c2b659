import { idSchema, webhookEventSchema, type Order, type OrderEvent } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { commitTransition, moveOf, prepareTransition } from "../orders/apply-transition";
import { ORDERS, orderRef } from "../orders/order-docs";
import { writeOrderNote } from "../orders/order-notes";
import { logSagaStep, logStatusMove } from "../orders/saga-log";
import type { EventEffect } from "./event-effect";
import {
  judgeLatePayment,
  markLatePayment,
  pendingLateRefund,
  readLateOrder,
  type LatePaymentDecision,
  type LateRefundTask,
} from "./late-payment";
import { applyRefundObserved } from "./observed-refunds";
import { applyAttemptFailed } from "./payment-attempts";
import type { OrderLocator, PaymentAction } from "./payment-events";
import { foreignSession, sessionMismatch } from "./session-check";

export const WEBHOOK_EVENTS = "webhookEvents";
const MAX_REASON_LENGTH = 1000;

/** `lateRefund`: a captured payment the order cannot keep; the caller refunds it after the commit. */
export type PaymentEventOutcome =
  | { duplicate: true; outcome: string; orderId: string | null; lateRefund?: LateRefundTask }
  | ({ duplicate: false } & EventEffect);

type TransitionAction = Extract<PaymentAction, { kind: "transition" }>;

const paymentStatusFor: Partial<Record<OrderEvent, string>> = {
  payment_processing: "processing",
  payment_succeeded: "paid",
  payment_failed: "failed",
  expired: "expired",
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
 * Types the webhook does not handle are answered without a record: there is nothing to repeat.
 */
export async function applyPaymentEvent(db: Firestore, action: PaymentAction): Promise<PaymentEventOutcome> {
  const outcome: PaymentEventOutcome =
    action.kind === "ignore" && action.unhandled
      ? { duplicate: false, outcome: "ignored", orderId: null, reason: action.reason }
      : await recordAndApply(db, action);
  logPaymentOutcome(action, outcome);
  return outcome;
}

async function recordAndApply(db: Firestore, action: PaymentAction): Promise<PaymentEventOutcome> {
  const recordRef = db.collection(WEBHOOK_EVENTS).doc(action.eventId);
  return db.runTransaction(async (tx): Promise<PaymentEventOutcome> => {
    const existing = await tx.get(recordRef);
    if (existing.exists) {
      const outcome = String(existing.get("outcome"));
      const orderId: unknown = existing.get("orderId");
      const lateRefund = await unfinishedLateRefund(tx, db, action, orderId);
      return {
        duplicate: true,
        outcome,
        orderId: typeof orderId === "string" ? orderId : null,
        ...(lateRefund ? { lateRefund } : {}),
      };
    }

    const applied = await applyEffect(tx, db, action);
    // Reasons quote what the event said (a payment status, a session id): bounded for the record.
    const effect = applied.reason
      ? { ...applied, reason: applied.reason.slice(0, MAX_REASON_LENGTH) }
      : applied;
    const parsed = webhookEventSchema.parse({
      type: action.type,
      // An order found by payment intent may have an id longer than the record keeps.
      orderId: idSchema.safeParse(effect.orderId).success ? effect.orderId : null,
      receivedAt: new Date(),
      outcome: effect.outcome,
      ...(effect.reason ? { reason: effect.reason } : {}),
    });
    tx.create(recordRef, { ...parsed, receivedAt: FieldValue.serverTimestamp() });
    return { duplicate: false, ...effect };
  });
}

async function applyEffect(tx: Transaction, db: Firestore, action: PaymentAction): Promise<EventEffect> {
  switch (action.kind) {
    case "ignore":
      return { outcome: "ignored", orderId: action.orderId, reason: action.reason };
    case "attempt_failed":
      return applyAttemptFailed(tx, db, action);
    case "refund_observed":
    case "transition": {
      const orderId = await resolveOrderId(tx, db, action.locator);
      if (!orderId) return { outcome: "ignored", orderId: null, reason: "No order matches this event" };
      return action.kind === "transition"
        ? applyStatusEvent(tx, db, action, orderId)
        : applyRefundObserved(tx, db, action, orderId);
    }
  }
}

async function applyStatusEvent(
  tx: Transaction,
  db: Firestore,
  action: TransitionAction,
  orderId: string,
): Promise<EventEffect> {
  const paymentStatus = paymentStatusFor[action.event];
  let mismatch: string | null = null;
  const prepared = await prepareTransition(tx, db, {
    orderId,
    event: action.event,
    actor: { type: "provider", id: action.eventId },
    note: action.note ?? action.type,
    fields: {
      ...(action.paymentIntentId ? { "payment.paymentIntentId": action.paymentIntentId } : {}),
      ...(paymentStatus ? { "payment.status": paymentStatus } : {}),
    },
    guard: (order) => {
      if (action.sessionId) return foreignSession(order, action.sessionId);
      mismatch = action.session ? sessionMismatch(order, orderId, action.session) : null;
      return mismatch;
    },
  });
  if (prepared.ok) {
    commitTransition(tx, db, prepared);
    return { outcome: "applied", orderId, moved: moveOf(prepared) };
  }
  if (mismatch !== null) {
    recordMismatch(tx, db, action, orderId, prepared.status, mismatch);
    return { outcome: "ignored", orderId, reason: mismatch };
  }

  const late = await judgeRefusedEvent(tx, db, action, orderId);
  if (late.kind !== "late") return { outcome: "ignored", orderId, reason: prepared.reason };
  if (late.task) markLatePayment(tx, db, late.task);
  return {
    outcome: "ignored",
    orderId,
    reason: late.reason,
    ...(late.task ? { lateRefund: late.task } : {}),
  };
}

/** Money that does not match the order never marks it paid: an admin has to look at it. */
function recordMismatch(
  tx: Transaction,
  db: Firestore,
  action: TransitionAction,
  orderId: string,
  status: Order["status"] | null,
  mismatch: string,
): void {
  logger.error("Payment does not match its order; not marking it paid", {
    orderId,
    eventId: action.eventId,
    type: action.type,
    mismatch,
  });
  if (!status) return;
  tx.update(orderRef(db, orderId), {
    "payment.mismatch": mismatch.slice(0, 1000),
    updatedAt: FieldValue.serverTimestamp(),
  });
  writeOrderNote(tx, db, orderId, {
    id: `mismatch_${action.eventId}`,
    status,
    event: action.event,
    kind: "payment_mismatch",
    actor: { type: "provider", id: action.eventId },
    note: `${action.type} not applied. ${mismatch}`,
  });
}

/** A captured payment the state machine refused may still be money to give back. */
async function judgeRefusedEvent(
  tx: Transaction,
  db: Firestore,
  action: TransitionAction,
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

/** After the commit: one entry for the event, and one for the status change it made. */
function logPaymentOutcome(action: PaymentAction, outcome: PaymentEventOutcome): void {
  const fields = { orderId: outcome.orderId, eventId: action.eventId, type: action.type };
  if (outcome.duplicate) {
    logSagaStep("webhook_duplicate", "Webhook event already processed", {
      ...fields,
      outcome: outcome.outcome,
    });
    return;
  }
  const applied = outcome.outcome === "applied";
  logSagaStep(applied ? "webhook_applied" : "webhook_ignored", `Webhook event ${outcome.outcome}`, {
    ...fields,
    ...(outcome.moved ? { status: outcome.moved.to } : {}),
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  });
  if (outcome.moved && outcome.orderId) {
    const { from, to, stockReleased } = outcome.moved;
    logStatusMove(outcome.orderId, from, to, { eventId: action.eventId, stockReleased });
  }
}
