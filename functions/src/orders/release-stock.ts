import type { Order } from "@hearth/domain";
import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions";

export const PRODUCTS = "products";

export interface ReleasePlan {
  lines: { ref: DocumentReference; snap: DocumentSnapshot; quantity: number }[];
}

/** Stock was reserved when the order was priced, has not been given back, and has not shipped. */
export function holdsReservedStock(order: Order): boolean {
  return order.pricedAt !== undefined && order.stockReleasedAt === undefined && order.shippedAt === undefined;
}

/** Read phase: Firestore transactions must do all reads before any write. */
export async function readReleasePlan(
  tx: Transaction,
  db: Firestore,
  order: Order,
): Promise<ReleasePlan | null> {
  if (!holdsReservedStock(order)) return null;
  const items = order.lines ?? order.items;
  if (items.length === 0) return { lines: [] };
  const refs = items.map((item) => db.collection(PRODUCTS).doc(item.productId));
  const snaps = await tx.getAll(...refs);
  return {
    lines: items.flatMap((item, index) => {
      const ref = refs[index];
      const snap = snaps[index];
      return ref && snap ? [{ ref, snap, quantity: item.quantity }] : [];
    }),
  };
}

/**
 * Write phase: gives the stock back. The caller writes `stockReleasedAt` (releaseMarker) in its own
 * update of the order, in the same transaction, so this never happens twice.
 */
export function writeRelease(tx: Transaction, orderRef: DocumentReference, plan: ReleasePlan): void {
  for (const line of plan.lines) {
    if (!line.snap.exists) {
      logger.warn("Product was deleted; its reserved stock cannot be returned", {
        orderId: orderRef.id,
        productId: line.ref.id,
        quantity: line.quantity,
      });
      continue;
    }
    tx.update(line.ref, { stock: FieldValue.increment(line.quantity) });
  }
}

export function releaseMarker(): { stockReleasedAt: FieldValue } {
  return { stockReleasedAt: FieldValue.serverTimestamp() };
}
