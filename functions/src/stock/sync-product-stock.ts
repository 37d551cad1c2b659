import { Timestamp, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { shardCountOf, shardRefs, unitsOf } from "./stock-shards";

/**
 * `stockSync/{productId}` ({ dueAt }): when the next sync of a sharded product's shown stock runs.
 * Functions only (no client rule matches it).
 */
export const STOCK_SYNC = "stockSync";
/** A product's `stock` is rewritten at most this often: about a document's sustained write rate. */
export const SYNC_INTERVAL_MS = 1_000;
/** Past `dueAt` before the shards are read, for clocks of different instances that disagree a little. */
export const CLOCK_MARGIN_MS = 250;

export type SyncOutcome =
  /** A sync that reads the shards after this event's write is already due. */
  { kind: "coalesced"; dueAt: Date } | { kind: "synced"; stock: number | null; changed: boolean };

function dueAtOf(snap: DocumentSnapshot): Date | null {
  const due: unknown = snap.get("dueAt");
  return due instanceof Timestamp ? due.toDate() : null;
}

/**
 * Claims the next sync of the product's shown stock, unless one is due at `now` or later (that one
 * reads the shards after the write that fired this event, so it covers it). The claim is at `now`,
 * or one interval after the previous one: a burst of writes makes one product write a second.
 */
export async function claimStockSync(
  db: Firestore,
  productId: string,
  now: Date,
): Promise<{ claimed: boolean; dueAt: Date }> {
  const ref = db.collection(STOCK_SYNC).doc(productId);
  // A plain read first: at a flash sale's pace most events stop here, without a transaction.
  const seen = dueAtOf(await ref.get());
  if (seen && seen >= now) return { claimed: false, dueAt: seen };
  return db.runTransaction(async (tx) => {
    const due = dueAtOf(await tx.get(ref));
    if (due && due >= now) return { claimed: false, dueAt: due };
    const next = new Date(Math.max(now.getTime(), (due?.getTime() ?? 0) + SYNC_INTERVAL_MS));
    tx.set(ref, { dueAt: Timestamp.fromDate(next) });
    return { claimed: true, dueAt: next };
  });
}

/** Writes the shards' sum into the product's `stock` when it differs; unsharded products are left alone. */
export async function syncProductStock(
  db: Firestore,
  productId: string,
): Promise<{ stock: number | null; changed: boolean }> {
  const productRef = db.collection("products").doc(productId);
  return db.runTransaction(async (tx) => {
    const product = await tx.get(productRef);
    const shards = product.exists ? shardCountOf(product) : 1;
    // Unsharded (or no longer sharded): its `stock` is the count itself, which only reservations move.
    if (shards === 1) return { stock: null, changed: false };
    const units = (await tx.getAll(...shardRefs(db, productId, shards))).map(unitsOf);
    const stock = units.reduce((sum, value) => sum + value, 0);
    if (product.get("stock") === stock) return { stock, changed: false };
    tx.update(productRef, { stock });
    return { stock, changed: true };
  });
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The trigger's body for a write to one of the product's shards. */
export async function handleStockShardWritten(
  db: Firestore,
  productId: string,
  now: Date = new Date(),
  sleep: (ms: number) => Promise<void> = wait,
): Promise<SyncOutcome> {
  const { claimed, dueAt } = await claimStockSync(db, productId, now);
  if (!claimed) return { kind: "coalesced", dueAt };
  await sleep(dueAt.getTime() + CLOCK_MARGIN_MS - now.getTime());
  return { kind: "synced", ...(await syncProductStock(db, productId)) };
}
