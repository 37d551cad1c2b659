import { db } from "./support/saga-app";
import { ORDER_EXPIRY_MINUTES } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { expireUnpaidOrders } from "../../functions/src/orders/expire-unpaid";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { deliver, reservedOrder } from "./support/saga-flow";
import { orderData, seedProduct, seedStore, stockOf } from "./support/seed";
import { paidCheckout } from "./support/webhook";

const MINUTE = 60_000;

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

describe("expireUnpaidOrders with a moved clock", () => {
  it("expires only unpaid orders past expiresAt and releases their stock once", async () => {
    const placedAt = new Date();
    const unpaid = await reservedOrder(db, "mug", 2, placedAt);
    const paid = await reservedOrder(db, "mug", 3, placedAt);
    await deliver(db, await paidCheckout(db, paid));
    const later = await reservedOrder(db, "mug", 1, new Date(placedAt.getTime() + 20 * MINUTE));
    expect(await stockOf(db, "mug")).toBe(4);

    const early = await expireUnpaidOrders(
      db,
      new Date(placedAt.getTime() + (ORDER_EXPIRY_MINUTES - 1) * MINUTE),
    );
    expect(early.expired).toEqual([]);

    const due = new Date(placedAt.getTime() + (ORDER_EXPIRY_MINUTES + 1) * MINUTE);
    expect((await expireUnpaidOrders(db, due)).expired).toEqual([unpaid]);
    expect((await expireUnpaidOrders(db, due)).expired).toEqual([]);

    expect((await orderData(db, unpaid)).status).toBe("expired");
    expect((await orderData(db, paid)).status).toBe("paid");
    expect((await orderData(db, later)).status).toBe("awaiting_payment");
    expect(await stockOf(db, "mug")).toBe(6);
    const record = (await db.doc(`orders/${unpaid}/events/expired`).get()).data();
    expect(record).toMatchObject({
      from: "awaiting_payment",
      to: "expired",
      actor: { type: "system", id: "expireUnpaidOrders" },
    });
  });

  it("releases stock once when two runs race", async () => {
    const placedAt = new Date();
    await reservedOrder(db, "mug", 4, placedAt);
    const due = new Date(placedAt.getTime() + (ORDER_EXPIRY_MINUTES + 5) * MINUTE);

    const runs = await Promise.all([expireUnpaidOrders(db, due), expireUnpaidOrders(db, due)]);

    expect(runs.flatMap((run) => run.expired)).toHaveLength(1);
    expect(await stockOf(db, "mug")).toBe(10);
  });
});
