import { toMillis } from "@hearth/domain";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { db } from "../admin";
import { REGION } from "../config";
import { applyTransition } from "./apply-transition";
import { ORDERS } from "./order-docs";

const BATCH = 200;

export interface ExpireResult {
  expired: string[];
  skipped: number;
}

/**
 * Expires awaiting_payment orders whose expiresAt has passed at `now` and releases their stock.
 * Each order moves in its own transaction that re-checks status and expiry, so running it twice,
 * or alongside a late payment, releases stock at most once.
 */
export async function expireUnpaidOrders(db: Firestore, now: Date): Promise<ExpireResult> {
  const due = await db
    .collection(ORDERS)
    .where("status", "==", "awaiting_payment")
    .where("expiresAt", "<=", Timestamp.fromDate(now))
    .orderBy("expiresAt")
    .limit(BATCH)
    .get();

  const result: ExpireResult = { expired: [], skipped: 0 };
  for (const doc of due.docs) {
    const outcome = await applyTransition(db, {
      orderId: doc.id,
      event: "expired",
      actor: { type: "system", id: "expireUnpaidOrders" },
      note: `Unpaid at ${now.toISOString()}`,
      fields: { "payment.status": "expired" },
      guard: (order) =>
        order.expiresAt && toMillis(order.expiresAt) <= now.getTime() ? null : "Order has not expired yet",
    });
    if (outcome.applied) result.expired.push(doc.id);
    else result.skipped += 1;
  }
  if (result.expired.length > 0 || result.skipped > 0) logger.info("Expired unpaid orders", result);
  return result;
}

export const expireUnpaidOrdersJob = onSchedule(
  { schedule: "every 5 minutes", region: REGION, memory: "256MiB", timeoutSeconds: 300 },
  async () => {
    await expireUnpaidOrders(db, new Date());
  },
);
