import type { Actor } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import { commitTransition, prepareTransition } from "./apply-transition";
import { orderRef } from "./order-docs";
import { reject } from "./reserve-stock";
import { logStatusMove } from "./saga-log";
import { logTriggerFailure, writeTriggerFailure, type TriggerFailure } from "./trigger-failures";

export type Settlement =
  { kind: "rejected" | "payment_failed"; reason: string } | { kind: "unchanged"; reason: string | null };

/** The trigger's trace of why it stopped; the settlement it led to is filled in here. */
export type FailureTrace = Omit<TriggerFailure, "settlement">;

/**
 * Puts an order the saga cannot take further into a terminal state with a reason the shopper can
 * read: a pending order is rejected (no stock was taken); an order awaiting payment whose checkout
 * never opened fails its payment, which releases its stock. `specific` names the cause when known.
 * The trace goes to triggerFailures in the SAME transaction, so a process that dies after settling
 * cannot leave a settled order without it (a redelivery finds the order settled and stops).
 */
export async function settleFailedOrder(
  db: Firestore,
  orderId: string,
  specific: string | null,
  actor: Actor,
  trace: FailureTrace,
): Promise<Settlement> {
  const rejectionReason = `${specific ?? "We could not process this order."} You have not been charged.`;
  const failureReason = `${specific ?? "We could not open the checkout for this order."} Your items were released and you have not been charged.`;
  const result = await db.runTransaction(async (tx) => {
    const snap = await tx.get(orderRef(db, orderId));
    // Raw status: a pending order need not parse as a valid order to be rejected.
    if (snap.get("status") === "pending") {
      reject(tx, db, orderId, "pending", rejectionReason);
      writeTriggerFailure(tx, db, { ...trace, settlement: "rejected" });
      return { settlement: { kind: "rejected", reason: rejectionReason } as const, from: "pending" as const };
    }
    const prepared = await prepareTransition(tx, db, {
      orderId,
      event: "payment_failed",
      actor,
      note: failureReason,
      fields: { failureReason, "payment.status": "failed" },
      // With a session stored the shopper may be paying; the provider's events settle it.
      guard: (order) => (order.payment?.sessionId ? "the checkout session is open" : null),
    });
    if (prepared.ok) commitTransition(tx, db, prepared);
    const settlement: Settlement = prepared.ok
      ? { kind: "payment_failed", reason: failureReason }
      : { kind: "unchanged", reason: prepared.reason };
    writeTriggerFailure(tx, db, { ...trace, settlement: settlement.kind });
    return { settlement, from: prepared.ok ? prepared.from : null };
  });

  logTriggerFailure({ ...trace, settlement: result.settlement.kind });
  const { settlement, from } = result;
  if (settlement.kind !== "unchanged") {
    const to = settlement.kind === "rejected" ? "rejected" : "payment_failed";
    logStatusMove(orderId, from, to, { actor: actor.id, reason: settlement.reason });
  }
  return settlement;
}
