import {
  centsSchema,
  currencySchema,
  refundEntryId,
  refundEntrySchema,
  REFUNDS,
  type RefundEntry,
} from "@hearth/domain";
import { Timestamp, type DocumentData, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import * as z from "zod";
import { db } from "../admin";
import { REGION } from "../config";

// Read leniently: the ledger needs two fields, whatever else the order holds.
const refundFactsSchema = z.object({
  currency: currencySchema.optional(),
  payment: z.object({ refundedCents: centsSchema.optional() }).optional(),
});

function refundedCentsOf(data: DocumentData | undefined): number {
  const parsed = refundFactsSchema.safeParse(data);
  return parsed.success ? (parsed.data.payment?.refundedCents ?? 0) : 0;
}

export interface OrderChange {
  orderId: string;
  /** The CloudEvent's time: when the order was written, the same on every redelivery. */
  time: string;
  before: DocumentData | undefined;
  after: DocumentData | undefined;
}

/**
 * Records a refund when an order's `payment.refundedCents` grew: refunds/{orderId}_{newTotal}
 * with the growth and the time of the write. Every path that records a refund (an admin's refund
 * or cancel, the provider's `charge.refunded`) moves that running total, so the daily report can
 * count refunds by the day they were recorded without the order keeping a history. A redelivery
 * writes the same entry again.
 */
export async function recordRefundChange(db: Firestore, change: OrderChange): Promise<RefundEntry | null> {
  const before = refundedCentsOf(change.before);
  const after = refundedCentsOf(change.after);
  if (after <= before) return null;
  const entry = refundEntrySchema.safeParse({
    orderId: change.orderId,
    amountCents: after - before,
    refundedCents: after,
    currency: refundFactsSchema.safeParse(change.after).data?.currency,
    at: Timestamp.fromDate(new Date(change.time)),
  });
  if (!entry.success) {
    logger.warn("Cannot record a refund: the order has no currency or the event no time", {
      orderId: change.orderId,
      time: change.time,
    });
    return null;
  }
  await db.collection(REFUNDS).doc(refundEntryId(change.orderId, after)).set(entry.data);
  return entry.data;
}

export const recordOrderRefunds = onDocumentUpdated(
  { document: "orders/{orderId}", region: REGION, memory: "256MiB", maxInstances: 20, retry: true },
  async (event) => {
    await recordRefundChange(db, {
      orderId: event.params.orderId,
      time: event.time,
      before: event.data?.before.data(),
      after: event.data?.after.data(),
    });
  },
);
