import { db } from "./support/saga-app";
import { MAX_PRICE_CENTS, MAX_STOCK, type OrderItem } from "@hearth/domain";
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { handleOrderCreated } from "../../functions/src/orders/on-order-created";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { localProvider } from "./support/saga-flow";
import {
  orderData,
  placeOrder,
  productDoc,
  seedProduct,
  seedStore,
  STORE_CONFIG,
  stockOf,
} from "./support/seed";

// The limits against abuse (issue 6, item 9) and products the domain schema refuses (item 10),
// enforced in the reservation transaction of onOrderCreated.

const noEmail = async (): Promise<null> => null;

async function run(orderId: string): Promise<string> {
  const result = await handleOrderCreated(db, orderId, localProvider, new Date(), noEmail);
  return result.reservation.kind;
}

async function order(uid: string, items: OrderItem[]): Promise<string> {
  const orderId = await placeOrder(db, uid, items);
  await run(orderId);
  return orderId;
}

async function expectRejected(orderId: string, reason: RegExp): Promise<void> {
  const placed = await orderData(db, orderId);
  expect(placed.status).toBe("rejected");
  expect(placed.rejectionReason).toMatch(reason);
  expect(placed.lines).toBeUndefined();
}

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
});

describe("units of one product per order (config/store maxUnitsPerProduct)", () => {
  it("defaults to 10: reserves 10 and rejects 11 with a reason, touching no stock", async () => {
    expect(STORE_CONFIG.maxUnitsPerProduct).toBe(10);
    await seedProduct(db, "mug", { name: "Mug", stock: 50 });
    await seedProduct(db, "tea", { name: "Tea", stock: 50 });

    const ten = await order("shopper-1", [{ productId: "mug", quantity: 10 }]);
    expect((await orderData(db, ten)).status).toBe("awaiting_payment");

    const eleven = await order("shopper-2", [
      { productId: "tea", quantity: 1 },
      { productId: "mug", quantity: 11 },
    ]);
    await expectRejected(eleven, /^At most 10 of one product per order \(you asked for 11 of "Mug"\)$/);
    expect(await stockOf(db, "mug")).toBe(40);
    expect(await stockOf(db, "tea")).toBe(50);
  });

  it("follows the configured cap", async () => {
    await seedStore(db, { ...STORE_CONFIG, maxUnitsPerProduct: 2 });
    await seedProduct(db, "mug", { name: "Mug", stock: 50 });

    const three = await order("shopper-1", [{ productId: "mug", quantity: 3 }]);
    await expectRejected(three, /^At most 2 of one product per order/);
    const two = await order("shopper-1", [{ productId: "mug", quantity: 2 }]);
    expect((await orderData(db, two)).status).toBe("awaiting_payment");
  });

  it("applies the default to a config/store written before the setting existed", async () => {
    const { maxOpenOrdersPerAccount: _open, maxUnitsPerProduct: _units, ...older } = STORE_CONFIG;
    await db.doc("config/store").set(older);
    await seedProduct(db, "mug", { name: "Mug", stock: 50 });

    const eleven = await order("shopper-1", [{ productId: "mug", quantity: 11 }]);
    await expectRejected(eleven, /^At most 10 of one product per order/);
  });
});

describe("open orders per account (config/store maxOpenOrdersPerAccount)", () => {
  it("rejects a fourth order while three wait for payment, and counts per account", async () => {
    expect(STORE_CONFIG.maxOpenOrdersPerAccount).toBe(3);
    await seedProduct(db, "mug", { stock: 50 });
    const first = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    await order("shopper-1", [{ productId: "mug", quantity: 1 }]);

    const fourth = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    await expectRejected(fourth, /^You already have 3 orders waiting for payment; pay or cancel one first$/);
    expect(await stockOf(db, "mug")).toBe(47);

    const someoneElse = await order("shopper-2", [{ productId: "mug", quantity: 1 }]);
    expect((await orderData(db, someoneElse)).status).toBe("awaiting_payment");

    // An order that leaves awaiting_payment (here: the shopper cancels) frees a place.
    await db.doc(`orders/${first}`).update({ status: "cancelled" });
    const again = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    expect((await orderData(db, again)).status).toBe("awaiting_payment");
  });

  it("counts orders whose payment is processing, and not paid or rejected ones", async () => {
    await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 1 });
    await seedProduct(db, "mug", { stock: 50 });
    const processing = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    await db.doc(`orders/${processing}`).update({ status: "payment_processing" });

    const blocked = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    await expectRejected(blocked, /^You already have 1 order waiting for payment; pay or cancel one first$/);

    await db.doc(`orders/${processing}`).update({ status: "paid" });
    const next = await order("shopper-1", [{ productId: "mug", quantity: 1 }]);
    expect((await orderData(db, next)).status).toBe("awaiting_payment");
  });

  it("lets the first three of a burst of five pending orders through, not none", async () => {
    await seedProduct(db, "mug", { stock: 50 });
    const orderIds = await Promise.all(
      Array.from({ length: 5 }, () => placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 1 }])),
    );

    // All five are pending at once; their reservations run concurrently, as the trigger would.
    const outcomes = await Promise.all(orderIds.map(run));

    expect(outcomes.filter((kind) => kind === "reserved")).toHaveLength(3);
    expect(outcomes.filter((kind) => kind === "rejected")).toHaveLength(2);
    expect(await stockOf(db, "mug")).toBe(47);
    for (const [index, orderId] of orderIds.entries()) {
      if (outcomes[index] === "rejected") await expectRejected(orderId, /^You already have 3 orders/);
    }
  }, 120_000);
});

describe("a stored product the domain schema refuses (written past the rules)", () => {
  const now = Timestamp.now();
  const valid = productDoc("lamp", { name: "Lamp", stock: 5, createdAt: now, updatedAt: now });
  it.each([
    ["a price above MAX_PRICE_CENTS", { priceCents: MAX_PRICE_CENTS + 1 }],
    ["stock above MAX_STOCK", { stock: MAX_STOCK + 1 }],
    ["a blank tag", { tags: ["  "] }],
    ["an uppercase search token", { searchTokens: ["Lamp"] }],
    [
      "an image URL that is not http(s)",
      { images: [{ ...imageOf(), urls: { thumb: "ftp://x.example/t" } }] },
    ],
    ["a category id of '..'", { categoryId: ".." }],
  ])("rejects an order for a product with %s, with a readable reason", async (_label, broken) => {
    await db.doc("products/lamp").set({ ...valid, ...broken });
    await seedProduct(db, "mug", { stock: 5 });

    const orderId = await order("shopper-1", [
      { productId: "mug", quantity: 1 },
      { productId: "lamp", quantity: 1 },
    ]);

    await expectRejected(
      orderId,
      /^Product "Lamp" cannot be ordered right now: its catalog entry is invalid$/,
    );
    expect(await stockOf(db, "mug")).toBe(5);
  });

  it("names the product by id when its name is blank", async () => {
    await db.doc("products/lamp").set({ ...valid, name: " " });
    const orderId = await order("shopper-1", [{ productId: "lamp", quantity: 1 }]);
    await expectRejected(orderId, /^Product lamp cannot be ordered right now/);
  });
});

function imageOf() {
  return {
    path: "products/lamp/images/full.webp",
    width: 1200,
    height: 900,
    urls: { thumb: "https://example.com/thumb.webp" },
    alt: "Lamp",
  };
}
