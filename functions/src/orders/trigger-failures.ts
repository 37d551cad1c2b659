import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { logSagaStep } from "./saga-log";

/** Functions-only collection (no client rule): one document per trigger event the saga gave up on. */
export const TRIGGER_FAILURES = "triggerFailures";

export interface TriggerFailure {
  trigger: "onOrderCreated" | "onOrderUpdated";
  orderId: string;
  /** The status the event was about (onOrderUpdated), or null. */
  status: string | null;
  /** `permanent`: an error no retry fixes; `gave_up`: still failing when the event grew too old. */
  kind: "permanent" | "gave_up";
  detail: string;
  /** What became of the order: rejected, payment_failed, or unchanged. */
  settlement: string;
  eventTime: string | null;
}

/** Deterministic id: each order is created once and reaches each status at most once. */
export function triggerFailureId(failure: Pick<TriggerFailure, "trigger" | "orderId" | "status">): string {
  return [failure.trigger, failure.orderId, failure.status].filter(Boolean).join("_");
}

function failureRef(db: Firestore, failure: TriggerFailure) {
  return db.collection(TRIGGER_FAILURES).doc(triggerFailureId(failure));
}

/** Write phase, in the transaction that settles the order: the order and its trace commit together. */
export function writeTriggerFailure(tx: Transaction, db: Firestore, failure: TriggerFailure): void {
  tx.set(failureRef(db, failure), { ...failure, recordedAt: FieldValue.serverTimestamp() });
}

export function logTriggerFailure(failure: TriggerFailure): void {
  const { orderId, status, ...details } = failure;
  logSagaStep(
    "trigger_failed",
    `${failure.trigger} stopped on order ${orderId}: ${failure.detail}`,
    { ...details, orderId, failedStatus: status },
    "error",
  );
}

export async function recordTriggerFailure(db: Firestore, failure: TriggerFailure): Promise<void> {
  logTriggerFailure(failure);
  await failureRef(db, failure).set({ ...failure, recordedAt: FieldValue.serverTimestamp() });
}
