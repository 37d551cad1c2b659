import {
  orderSchema,
  productSchema,
  refundEntrySchema,
  REFUNDS,
  type RefundEntry,
  type DayWindow,
} from "@hearth/domain";
import { Timestamp, type Firestore, type QuerySnapshot } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { ORDERS } from "../orders/order-docs";
import type { ReportOrder, ReportProduct } from "./daily-report";

// Only the fields the report reads: a document that is odd elsewhere still counts here.
const reportOrderSchema = orderSchema.pick({ paidAt: true, totalCents: true, currency: true, lines: true });
const reportProductSchema = productSchema.pick({ name: true, stock: true, status: true });

export interface ReportInput {
  orders: ReportOrder[];
  refunds: RefundEntry[];
  products: ReportProduct[];
}

function parseAll<T, R>(
  snapshot: QuerySnapshot,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } },
  build: (id: string, data: T) => R,
  what: string,
): R[] {
  const parsed: R[] = [];
  const skipped: string[] = [];
  for (const doc of snapshot.docs) {
    const result = schema.safeParse(doc.data());
    if (result.success) parsed.push(build(doc.id, result.data));
    else skipped.push(doc.id);
  }
  if (skipped.length > 0) logger.warn(`Report skipped unreadable ${what}`, { ids: skipped.slice(0, 20) });
  return parsed;
}

/**
 * Orders paid and refunds recorded in [startMs, endMs), and the products at or below the low-stock
 * threshold now. One range filter on one field each, which Firestore's automatic single-field
 * indexes serve: no composite index needed. A day's orders are read in one query; a store that
 * sells tens of thousands a day would page through them instead.
 */
export async function readReportInput(
  db: Firestore,
  { startMs, endMs }: DayWindow,
  lowStockThreshold: number,
): Promise<ReportInput> {
  const from = Timestamp.fromMillis(startMs);
  const until = Timestamp.fromMillis(endMs);
  const [orders, refunds, products] = await Promise.all([
    db.collection(ORDERS).where("paidAt", ">=", from).where("paidAt", "<", until).get(),
    db.collection(REFUNDS).where("at", ">=", from).where("at", "<", until).get(),
    db.collection("products").where("stock", "<=", lowStockThreshold).get(),
  ]);
  return {
    orders: parseAll(orders, reportOrderSchema, (id, order) => ({ id, order }), "orders"),
    refunds: parseAll(refunds, refundEntrySchema, (_id, entry) => entry, "refund entries"),
    products: parseAll(products, reportProductSchema, (id, product) => ({ id, ...product }), "products"),
  };
}
