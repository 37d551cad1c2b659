import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { shardRefs, spreadEvenly } from "../../functions/src/stock/stock-shards";
import { benchProduct, seedBenchStore } from "./support";

/** The store and one active product with `stock` units, on `shards` shard documents (1: unsharded). */
export async function seedHotProduct(
  db: Firestore,
  id: string,
  stock: number,
  shards: number,
): Promise<void> {
  const now = Timestamp.now();
  const batch = db.batch();
  seedBenchStore(batch, db);
  batch.set(db.doc(`products/${id}`), {
    ...benchProduct("Flash sale", id, stock, now),
    ...(shards > 1 ? { stockShards: shards } : {}),
  });
  if (shards > 1) {
    const units = spreadEvenly(stock, shards);
    shardRefs(db, id, shards).forEach((ref, index) => batch.set(ref, { units: units[index] ?? 0 }));
  }
  await batch.commit();
}

/** What is left: the shards' units when the product is sharded, else its stock field. */
export async function unitsLeft(
  db: Firestore,
  id: string,
): Promise<{ total: number; perDocument: number[] }> {
  const shards = await db.collection(`products/${id}/stockShards`).get();
  const perDocument = shards.empty
    ? [Number((await db.doc(`products/${id}`).get()).get("stock"))]
    : shards.docs.map((shard) => Number(shard.get("units")));
  return { total: perDocument.reduce((sum, units) => sum + units, 0), perDocument };
}
