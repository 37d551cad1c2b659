import { MAX_STOCK_SHARDS } from "@hearth/domain";
import type { DocumentReference, DocumentSnapshot, Firestore } from "firebase-admin/firestore";

/**
 * Sharded stock, for products that sell too fast for one document (a flash sale). Firestore: "you
 * can't update a single document at an unlimited rate" and a distributed counter's "write
 * throughput increases linearly with the number of shards"
 * (https://firebase.google.com/docs/firestore/solutions/counters).
 *
 * `products/{id}.stockShards` (absent or 1: unsharded, the product's `stock` is the count, as for
 * every product before) says how many `products/{id}/stockShards/{0..n-1}` documents hold the
 * units ({ units }); their sum is the stock. The product's `stock` then only shows that sum (kept
 * by onStockShardWritten, at most about once a second) and is never the count reservations use.
 */
export const STOCK_SHARDS = "stockShards";

export function shardRef(db: Firestore, productId: string, index: number): DocumentReference {
  return db.collection("products").doc(productId).collection(STOCK_SHARDS).doc(String(index));
}

export function shardRefs(db: Firestore, productId: string, count: number): DocumentReference[] {
  return Array.from({ length: count }, (_, index) => shardRef(db, productId, index));
}

/** How many shards a stored product has; 1 (unsharded) for anything but a valid count. */
export function shardCountOf(product: DocumentSnapshot): number {
  const count: unknown = product.get("stockShards");
  return typeof count === "number" && Number.isInteger(count) && count >= 1 && count <= MAX_STOCK_SHARDS
    ? count
    : 1;
}

/** Units on a shard document; a missing or damaged shard holds none. */
export function unitsOf(shard: DocumentSnapshot | undefined): number {
  const units: unknown = shard?.get("units");
  return typeof units === "number" && Number.isInteger(units) && units > 0 ? units : 0;
}

/** `total` over `count` shards, as evenly as whole units allow (the first ones get the remainder). */
export function spreadEvenly(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const extra = total % count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}

/**
 * The shards after taking `quantity` units when the picked shard cannot cover them alone: all of
 * the picked shard's units, then the fullest shards' first. The picked shard, now dry, gets half
 * of the fullest shard's units, so the next buyers who pick it find some (a rebalance). The sum
 * drops by exactly `quantity`; no shard goes below 0. Null when all shards together hold fewer.
 */
export function takeUnits(units: readonly number[], picked: number, quantity: number): number[] | null {
  const total = units.reduce((sum, value) => sum + value, 0);
  if (total < quantity) return null;
  const next = [...units];
  let needed = quantity;
  const fullestFirst = next.map((_, index) => index).sort((a, b) => (next[b] ?? 0) - (next[a] ?? 0));
  for (const index of [picked, ...fullestFirst]) {
    const taken = Math.min(next[index] ?? 0, needed);
    next[index] = (next[index] ?? 0) - taken;
    needed -= taken;
  }
  const fullest = next.reduce((best, value, index) => (value > (next[best] ?? 0) ? index : best), 0);
  const moved = Math.floor((next[fullest] ?? 0) / 2);
  if (fullest !== picked && (next[picked] ?? 0) === 0 && moved > 0) {
    next[fullest] = (next[fullest] ?? 0) - moved;
    next[picked] = moved;
  }
  return next;
}
