import { db } from "./support/saga-app";
import { beforeEach, describe, expect, it } from "vitest";
import { onOrderCreated } from "../../functions/src/orders/on-order-created";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { orderDoc, seedProduct, seedStore, stockOf } from "./support/seed";
import { orderCreatedEvent } from "./support/trigger-events";

const SHOPPERS = 30;
const IN_STOCK = 10;

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
});

describe("concurrent shoppers on the last units", () => {
  it(`lets exactly ${IN_STOCK} of ${SHOPPERS} parallel orders reserve and never oversells`, async () => {
    await seedProduct(db, "last-units", { stock: IN_STOCK });
    const batch = db.batch();
    const orderIds = Array.from({ length: SHOPPERS }, (_, index) => {
      const ref = db.collection("orders").doc(`order-${String(index).padStart(2, "0")}`);
      batch.create(ref, orderDoc(`shopper-${index}`, [{ productId: "last-units", quantity: 1 }]));
      return ref.id;
    });
    await batch.commit();
    const events = await Promise.all(
      orderIds.map((orderId) => orderCreatedEvent(db, orderId, `evt-${orderId}`)),
    );

    // The handler itself, many times at once: the Functions emulator would deliver these one by one.
    await Promise.all(events.map((event) => onOrderCreated.run(event)));

    const orders = await db.getAll(...orderIds.map((orderId) => db.collection("orders").doc(orderId)));
    const statuses = orders.map((order) => order.get("status"));
    expect(statuses.filter((status) => status === "awaiting_payment")).toHaveLength(IN_STOCK);
    expect(statuses.filter((status) => status === "rejected")).toHaveLength(SHOPPERS - IN_STOCK);
    expect(await stockOf(db, "last-units")).toBe(0);
    for (const order of orders.filter((doc) => doc.get("status") === "rejected")) {
      expect(order.get("rejectionReason")).toMatch(/out of stock/);
    }
    // Contended transactions back off and retry (as they would in production), which takes a while.
  }, 180_000);
});
