import { MAX_STOCK } from "@hearth/domain";
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { shardCountOf, shardRef, shardRefs, spreadEvenly, unitsOf } from "./stock-shards";

export interface CurrentStock {
  shards: number;
  /** Units on each shard (empty when unsharded). */
  units: number[];
  total: number;
}

/** Read phase of an admin save: the product's units now, every shard read in the transaction. */
export async function readCurrentStock(
  tx: Transaction,
  db: Firestore,
  product: DocumentSnapshot,
): Promise<CurrentStock> {
  const shards = product.exists ? shardCountOf(product) : 1;
  if (shards === 1) {
    const stock: unknown = product.get("stock");
    return { shards, units: [], total: typeof stock === "number" ? stock : 0 };
  }
  const units = (await tx.getAll(...shardRefs(db, product.id, shards))).map(unitsOf);
  return { shards, units, total: units.reduce((sum, value) => sum + value, 0) };
}

/**
 * The stock after a save. An unsharded product takes the typed stock, as it always has. A sharded
 * one may be selling fast while the form is open: given the stock the form showed, the save applies
 * the admin's change (typed − shown) to the units there are now, so units sold meanwhile stay sold.
 */
export function stockAfterSave(current: CurrentStock, typed: number, shown: number | undefined): number {
  if (current.shards === 1 || shown === undefined) return typed;
  return Math.min(MAX_STOCK, Math.max(0, current.total + typed - shown));
}

/**
 * Write phase: `total` over `shards` documents (1: none, the product holds it). Read in the same
 * transaction, the shards cannot change under it: reservations in flight retry after it. Unchanged
 * shards and an unchanged total leave the shards alone; any change spreads the units evenly again.
 */
export function writeShards(
  tx: Transaction,
  db: Firestore,
  productId: string,
  current: CurrentStock,
  layout: { total: number; shards: number },
): void {
  if (layout.shards === current.shards && layout.total === current.total) return;
  const target = layout.shards > 1 ? spreadEvenly(layout.total, layout.shards) : [];
  target.forEach((units, index) => {
    if (current.units[index] !== units) tx.set(shardRef(db, productId, index), { units });
  });
  for (let index = target.length; index < current.units.length; index++) {
    tx.delete(shardRef(db, productId, index));
  }
}
