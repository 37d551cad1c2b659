import { db } from "./support/saga-app";
import type { OrderItem } from "@hearth/domain";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { saveProduct } from "../../functions/src/catalog/save-product";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { onOrderCreated } from "../../functions/src/orders/on-order-created";
import { reserveStock } from "../../functions/src/orders/reserve-stock";
import { shardRefs, spreadEvenly, takeUnits } from "../../functions/src/stock/stock-shards";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { orderData, orderDoc, placeOrder, seedProduct, seedStore, stockOf } from "./support/seed";
import { orderCreatedEvent } from "./support/trigger-events";

const PRODUCT = "flash-skillet";

async function seedSharded(units: readonly number[], shownStock = units.reduce((a, b) => a + b, 0)) {
  await seedProduct(db, PRODUCT, { stock: shownStock, stockShards: units.length, categoryId: "kitchen" });
  const batch = db.batch();
  shardRefs(db, PRODUCT, units.length).forEach((ref, index) => batch.set(ref, { units: units[index] ?? 0 }));
  await batch.commit();
}

async function shardUnits(): Promise<number[]> {
  const shards = await db.collection(`products/${PRODUCT}/stockShards`).get();
  return shards.docs
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((shard) => {
      const units: unknown = shard.get("units");
      if (typeof units !== "number") throw new Error(`Shard ${shard.id} has no units`);
      return units;
    });
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

async function placeAll(orders: readonly { id: string; items: OrderItem[] }[]): Promise<void> {
  const batch = db.batch();
  orders.forEach(({ id, items }, index) =>
    batch.create(db.doc(`orders/${id}`), orderDoc(`buyer-${index}`, items)),
  );
  await batch.commit();
}

/** The handler for every order at once, then again for those a transient error left pending, as the trigger retries. */
async function runUntilSettled(orderIds: readonly string[]): Promise<number> {
  let retried = 0;
  let pending = [...orderIds];
  for (let round = 0; pending.length > 0 && round < 5; round++) {
    const events = await Promise.all(pending.map((id) => orderCreatedEvent(db, id, `evt-${id}-${round}`)));
    const results = await Promise.allSettled(events.map((event) => onOrderCreated.run(event)));
    pending = pending.filter((_, index) => results[index]?.status === "rejected");
    retried += pending.length;
  }
  return retried;
}

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await db.doc("categories/kitchen").set({ name: "Kitchen", slug: "kitchen", position: 0 });
});

describe("taking units from shards (pure)", () => {
  it("takes exactly the quantity, never below 0, or refuses when all shards hold fewer", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 1, max: 30 }),
        (units, pick, quantity) => {
          const picked = pick % units.length;
          const after = takeUnits(units, picked, quantity);
          if (sum(units) < quantity) return after === null;
          return after !== null && after.every((value) => value >= 0) && sum(after) === sum(units) - quantity;
        },
      ),
    );
    expect(spreadEvenly(10, 4)).toEqual([3, 3, 2, 2]);
  });
});

describe("reserving from a sharded product", () => {
  it("lets 100 parallel buyers take exactly the last 10 units over 5 shards, never more", async () => {
    await seedSharded([2, 2, 2, 2, 2]);
    // Every third buyer wants two.
    const orders = Array.from({ length: 100 }, (_, index) => ({
      id: `buyer-${String(index).padStart(3, "0")}`,
      items: [{ productId: PRODUCT, quantity: index % 3 === 0 ? 2 : 1 }],
    }));
    await placeAll(orders);

    const retried = await runUntilSettled(orders.map((order) => order.id));

    const settled = await Promise.all(orders.map((order) => orderData(db, order.id)));
    const reservedUnits = sum(
      settled.map((order, index) =>
        order.status === "awaiting_payment" ? (orders[index]?.items[0]?.quantity ?? 0) : 0,
      ),
    );
    expect(reservedUnits).toBe(10);
    expect(await shardUnits()).toEqual([0, 0, 0, 0, 0]);
    for (const order of settled.filter((candidate) => candidate.status !== "awaiting_payment")) {
      expect(order.status).toBe("rejected");
      expect(order.rejectionReason).toMatch(
        /^Product "Product flash-skillet" (is out of stock|has only 1 left)/,
      );
    }
    // Reservations never write the product: its shown stock waits for onStockShardWritten.
    expect(await stockOf(db, PRODUCT)).toBe(10);
    console.info(`sharded burst: ${retried} handler calls retried after contention`);
  }, 240_000);

  it("takes from the fullest shards when the picked one is dry, and refills the dry one", async () => {
    await seedSharded([0, 6, 1]);
    const orderId = await placeOrder(db, "ada", [{ productId: PRODUCT, quantity: 2 }]);
    const outcome = await reserveStock(db, orderId, {
      providerName: "local",
      now: new Date(),
      pickShard: () => 0,
    });
    expect(outcome.kind).toBe("reserved");
    // 2 taken from shard 1 (6 → 4), then half of it moved to the empty shard 0.
    expect(await shardUnits()).toEqual([2, 2, 1]);
  });

  it("covers a line from several shards and rejects with the exact units left", async () => {
    await seedSharded([1, 1, 1]);
    const first = await placeOrder(db, "ada", [{ productId: PRODUCT, quantity: 2 }]);
    const second = await placeOrder(db, "bob", [{ productId: PRODUCT, quantity: 2 }]);
    const options = { providerName: "local", now: new Date(), pickShard: () => 2 } as const;
    expect((await reserveStock(db, first, options)).kind).toBe("reserved");
    expect(sum(await shardUnits())).toBe(1);
    expect(await reserveStock(db, second, options)).toEqual({
      kind: "rejected",
      reason: 'Product "Product flash-skillet" has only 1 left (you asked for 2)',
    });
    expect(sum(await shardUnits())).toBe(1);
  });

  it("gives released units back to a shard, not to the product document", async () => {
    await seedSharded([3, 3]);
    const orderId = await placeOrder(db, "ada", [{ productId: PRODUCT, quantity: 2 }]);
    await reserveStock(db, orderId, { providerName: "local", now: new Date(), pickShard: () => 1 });
    expect(await shardUnits()).toEqual([3, 1]);

    const outcome = await applyTransition(db, {
      orderId,
      event: "expired",
      actor: { type: "system", id: "test" },
    });

    expect(outcome).toMatchObject({ applied: true, stockReleased: true });
    expect(sum(await shardUnits())).toBe(6);
    expect(await stockOf(db, PRODUCT)).toBe(6);
    expect((await orderData(db, orderId)).stockReleasedAt).toBeDefined();
  });
});

describe("an admin changing a sharded product's stock during a sale", () => {
  const input = (stock: number) => ({
    name: "Flash skillet",
    slug: "flash-skillet",
    description: "",
    priceCents: 1_000,
    categoryId: "kitchen",
    tags: [],
    status: "active" as const,
    stock,
  });

  it("applies the change made in the form to the units left, whatever sold meanwhile", async () => {
    await seedSharded(spreadEvenly(100, 5));
    const orders = Array.from({ length: 30 }, (_, index) => ({
      id: `buyer-${String(index).padStart(2, "0")}`,
      items: [{ productId: PRODUCT, quantity: 1 }],
    }));
    await placeAll(orders);

    // The form showed 100; the admin adds 50 while 30 shoppers buy, then spreads over 8 shards.
    const [, saved] = await Promise.all([
      runUntilSettled(orders.map((order) => order.id)),
      saveProduct(db, { productId: PRODUCT, product: input(150), stockBefore: 100 }),
    ]);
    expect(saved).toEqual({ productId: PRODUCT });
    const reserved = (await Promise.all(orders.map((order) => orderData(db, order.id)))).filter(
      (order) => order.status === "awaiting_payment",
    ).length;
    expect(reserved).toBe(30);
    expect(sum(await shardUnits())).toBe(150 - 30);

    await saveProduct(db, { productId: PRODUCT, product: input(120), stockBefore: 120, stockShards: 8 });
    expect(await shardUnits()).toEqual(spreadEvenly(120, 8));
    expect(await stockOf(db, PRODUCT)).toBe(120);
  }, 120_000);

  it("turns sharding on and off, moving every unit", async () => {
    await seedProduct(db, PRODUCT, { stock: 7, categoryId: "kitchen" });
    await saveProduct(db, { productId: PRODUCT, product: input(7), stockShards: 3 });
    expect(await shardUnits()).toEqual([3, 2, 2]);
    expect((await db.doc(`products/${PRODUCT}`).get()).get("stockShards")).toBe(3);

    await saveProduct(db, { productId: PRODUCT, product: input(7), stockBefore: 7, stockShards: 1 });
    expect(await shardUnits()).toEqual([]);
    const product = await db.doc(`products/${PRODUCT}`).get();
    expect(product.get("stock")).toBe(7);
    expect(product.get("stockShards")).toBeUndefined();
  });
});
