import type { Order } from "@hearth/domain";
import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { randomShard, type PickShard } from "../stock/stock-plan";
import { shardCountOf, shardRef } from "../stock/stock-shards";
import { logSagaStep } from "./saga-log";

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
 * Write phase: gives the stock back, to the product or, when it is sharded, to one of its shards
 * (an increment, which needs no read: a reservation that read that shard meanwhile retries). The
 * caller writes `stockReleasedAt` (releaseMarker) in its own update of the order, in the same
 * transaction, so this never happens twice.
 */
export function writeRelease(
  tx: Transaction,
  orderRef: DocumentReference,
  plan: ReleasePlan,
  pickShard: PickShard = randomShard,
): void {
  const orderId = orderRef.id;
  for (const line of plan.lines) {
    const { ref, snap, quantity } = line;
    if (!snap.exists) {
      logSagaStep(
        "stock_released",
        "Product was deleted; its reserved stock cannot be returned",
        { orderId, productId: ref.id, quantity, returned: false },
        "warn",
      );
      continue;
    }
    const shards = shardCountOf(snap);
    if (shards === 1) {
      tx.update(ref, { stock: FieldValue.increment(quantity) });
      continue;
    }
    const shard = pickShard(ref.id, shards) % shards;
    tx.set(
      shardRef(ref.firestore, ref.id, shard),
      { units: FieldValue.increment(quantity) },
      { merge: true },
    );
    logSagaStep(
      "stock_released",
      "Stock returned to a shard",
      { orderId, productId: ref.id, shard, quantity },
      "debug",
    );
  }
}

export function releaseMarker(): { stockReleasedAt: FieldValue } {
  return { stockReleasedAt: FieldValue.serverTimestamp() };
}
