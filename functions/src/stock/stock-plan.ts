import type { OrderItem } from "@hearth/domain";
import type { DocumentSnapshot, Firestore, Transaction } from "firebase-admin/firestore";
import { shardCountOf, shardRef, shardRefs, takeUnits, unitsOf } from "./stock-shards";

/** Which shard a reservation tries first; random, so concurrent buyers spread over the shards. */
export type PickShard = (productId: string, shardCount: number) => number;
export const randomShard: PickShard = (_productId, shardCount) => Math.floor(Math.random() * shardCount);

export interface Rebalance {
  productId: string;
  /** The shard the reservation picked, which could not cover the line. */
  picked: number;
  /** The shards the units came from (the picked one first), read in the transaction. */
  from: number[];
}

export interface StockPlan {
  /** Units each product can give this order (sharded: as far as its shards were read). */
  available: ReadonlyMap<string, number>;
  /** Lines whose picked shard fell short, so the units came from other shards too. */
  rebalanced: readonly Rebalance[];
  /** Write phase: takes the order's units. Only once pricing has accepted the order. */
  commit: (tx: Transaction) => void;
}

type Write = (tx: Transaction) => void;
interface ShardedLine {
  item: OrderItem;
  shards: number;
  picked: number;
}

/**
 * Read phase of a reservation's stock: an unsharded product's own `stock` (written back from the
 * value read, so a concurrent order forces a retry, as always); for a sharded product, shards
 * (see takeFromShards). Never writes the product of a sharded line.
 */
export async function readStockPlan(
  db: Firestore,
  items: readonly OrderItem[],
  products: readonly (DocumentSnapshot | undefined)[],
  pickShard: PickShard,
): Promise<StockPlan> {
  const available = new Map<string, number>();
  const writes: Write[] = [];
  const sharded: ShardedLine[] = [];
  items.forEach((item, index) => {
    const product = products[index];
    if (!product?.exists) return;
    const shards = shardCountOf(product);
    if (shards > 1) {
      sharded.push({ item, shards, picked: pickShard(item.productId, shards) % shards });
      return;
    }
    const stock: unknown = product.get("stock");
    // Not a number: pricing treats the product as missing and nothing is written.
    if (typeof stock !== "number") return;
    available.set(item.productId, stock);
    writes.push((t) => t.update(product.ref, { stock: stock - item.quantity }));
  });

  const rebalanced: Rebalance[] = [];
  for (const line of sharded) {
    const plan = await takeFromShards(db, line);
    available.set(line.item.productId, plan.available);
    writes.push(...plan.writes);
    if (plan.from.length > 1) {
      rebalanced.push({ productId: line.item.productId, picked: line.picked, from: plan.from });
    }
  }
  return { available, rebalanced, commit: (t) => writes.forEach((write) => write(t)) };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Written only if the shard is still as read (its update time), else the whole commit fails with
 * FAILED_PRECONDITION and the reservation runs again (runShardTransaction): no units are taken twice.
 */
function writeIfUnchanged(shard: DocumentSnapshot, units: number): Write {
  const { updateTime } = shard;
  return updateTime
    ? (t) => t.update(shard.ref, { units }, { lastUpdateTime: updateTime })
    : (t) => t.create(shard.ref, { units });
}

/**
 * Shards are read outside the transaction and written on condition that they have not changed
 * since: a transaction's reads lock, and two buyers who both read a shard and then both write it
 * hold each other up (the emulator's lock manager only frees them after a timeout).
 * 1. The picked shard covers the line: it alone.
 * 2. Else every shard, in one consistent snapshot. Fewer units than the line: the line is
 *    refused, as if the order had come a moment earlier (a refusal moves no stock).
 * 3. Else the picked shard and the fullest ones that cover the line: takeUnits takes the line
 *    from them and refills the picked one.
 */
async function takeFromShards(
  db: Firestore,
  { item, shards, picked }: ShardedLine,
): Promise<{ available: number; writes: Write[]; from: number[] }> {
  const { productId, quantity } = item;
  const pickedShard = await shardRef(db, productId, picked).get();
  const pickedUnits = unitsOf(pickedShard);
  if (pickedUnits >= quantity) {
    return {
      available: pickedUnits,
      writes: [writeIfUnchanged(pickedShard, pickedUnits - quantity)],
      from: [picked],
    };
  }

  const snapshot = await db.getAll(...shardRefs(db, productId, shards));
  const units = snapshot.map(unitsOf);
  if (sum(units) < quantity) return { available: sum(units), writes: [], from: [] };
  let covered = units[picked] ?? 0;
  const donors = units
    .map((value, shard) => ({ value, shard }))
    .filter(({ shard }) => shard !== picked)
    .sort((a, b) => b.value - a.value)
    .filter(({ value }) => {
      const needed = covered < quantity;
      covered += value;
      return needed;
    })
    .map(({ shard }) => shard);
  const from = [picked, ...donors];
  const before = from.map((shard) => units[shard] ?? 0);
  const after = takeUnits(before, 0, quantity) ?? before;
  const writes = from.flatMap((shard, at): Write[] => {
    const read = snapshot[shard];
    const value = after[at] ?? 0;
    return read && value !== before[at] ? [writeIfUnchanged(read, value)] : [];
  });
  return { available: sum(units), writes, from };
}
