import type { Actor } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import { applyTransition } from "./apply-transition";
import { orderRef } from "./order-docs";
import { reject } from "./reserve-stock";

export type Settlement =
  { kind: "rejected" | "payment_failed"; reason: string } | { kind: "unchanged"; reason: string | null };

/**
 * Puts an order the saga cannot take further into a terminal state with a reason the shopper can
 * read: a pending order is rejected (no stock was taken); an order awaiting payment whose checkout
 * never opened fails its payment, which releases its stock. `specific` names the cause when known.
 */
export async function settleFailedOrder(
  db: Firestore,
  orderId: string,
  specific: string | null,
  actor: Actor,
): Promise<Settlement> {
  const rejectionReason = `${specific ?? "We could not process this order."} You have not been charged.`;
  const rejected = await db.runTransaction(async (tx) => {
    const snap = await tx.get(orderRef(db, orderId));
    // Raw status: a pending order need not parse as a valid order to be rejected.
    if (snap.get("status") !== "pending") return false;
    reject(tx, db, orderId, "pending", rejectionReason);
    return true;
  });
  if (rejected) return { kind: "rejected", reason: rejectionReason };

  const failureReason = `${specific ?? "We could not open the checkout for this order."} Your items were released and you have not been charged.`;
  const outcome = await applyTransition(db, {
    orderId,
    event: "payment_failed",
    actor,
    note: failureReason,
    fields: { failureReason, "payment.status": "failed" },
    // With a session stored the shopper may be paying; the provider's events settle it.
    guard: (order) => (order.payment?.sessionId ? "the checkout session is open" : null),
  });
  return outcome.applied
    ? { kind: "payment_failed", reason: failureReason }
    : { kind: "unchanged", reason: outcome.reason };
}
