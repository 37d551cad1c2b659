import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";

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

export async function recordTriggerFailure(db: Firestore, failure: TriggerFailure): Promise<void> {
  logger.error(`${failure.trigger} stopped on order ${failure.orderId}: ${failure.detail}`, failure);
  await db
    .collection(TRIGGER_FAILURES)
    .doc(triggerFailureId(failure))
    .set({ ...failure, recordedAt: FieldValue.serverTimestamp() });
}
