import { beforeEach, describe, expect, it } from "vitest";
import { db } from "./support/e2e-app";
import { awaitingPayment } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT, waitFor } from "./support/emulators";
import { firstArrivals } from "./support/replay-model";
import { expectedFor, shuffledDeliveries, storyOrders, type Delivered } from "./support/replay-stories";
import { orderData, placeOrder, seedStore, seedUser, STORE_CONFIG, stockOf } from "./support/seed";
import { postSigned } from "./support/webhook-calls";

const UID = "shopper-replay";
const SEED = 11;

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 20 });
  await seedUser(db, UID, "replay-http@example.test");
});

/** The status each timeline record moved the order to; onOrderUpdated tells the shopper once per status. */
const STATUS_OF_RECORD: Record<string, string> = {
  priced: "awaiting_payment",
  payment_processing: "payment_processing",
  payment_succeeded: "paid",
  payment_failed: "payment_failed",
  expired: "expired",
  refunded: "refunded",
};

async function ids(path: string): Promise<string[]> {
  return (await db.collection(path).listDocuments()).map((ref) => ref.id).sort();
}

/** Holds `probe` to the same answer for a while: triggers that would write twice have had time to. */
async function stays(probe: () => Promise<string[]>, expected: string[], forMs = 2_000): Promise<void> {
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    expect(await probe()).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("webhook replay over HTTP with the real triggers", () => {
  it("every event ×3, shuffled: one status change, one notification and one mail each", async () => {
    const orders = await storyOrders(db, async (productId) => {
      const orderId = await placeOrder(db, UID, [{ productId, quantity: 2 }]);
      await awaitingPayment(orderId);
      return orderId;
    });
    const deliveries = shuffledDeliveries(orders, 3, SEED);

    const delivered: Delivered[] = [];
    for (const delivery of deliveries) {
      delivered.push({ ...delivery, response: await postSigned(JSON.stringify(delivery.event)) });
    }

    expect(delivered.map((d) => d.response.status)).toEqual(delivered.map(() => 200));
    const first = new Set(firstArrivals(delivered.filter((d) => d.kind !== "unhandled")));
    for (const d of delivered.filter((d) => d.kind !== "unhandled")) {
      expect(d.response.body.duplicate, d.event.id).toBe(!first.has(d));
    }
    const notices: string[] = [];
    const mails: string[] = [];
    for (const order of orders) {
      const expected = expectedFor(order, delivered);
      const stored = await orderData(db, order.orderId);
      expect(stored.status, order.story).toBe(expected.status);
      expect(await ids(`orders/${order.orderId}/events`), order.story).toEqual(expected.timeline);
      const statuses = expected.timeline.flatMap((record) => {
        const status = STATUS_OF_RECORD[record];
        return status ? [`${order.orderId}_${status}`] : [];
      });
      notices.push(...statuses, ...expected.notices);
      mails.push(...statuses, ...expected.mails);
    }
    notices.sort();
    mails.sort();

    await waitFor(
      "every notification",
      async () => (await ids(`users/${UID}/notifications`)).length >= notices.length,
    );
    await stays(() => ids(`users/${UID}/notifications`), notices);
    expect(await ids("mail")).toEqual(mails);
    for (const order of orders) {
      const expected = expectedFor(order, delivered);
      expect(await stockOf(db, order.productId), order.story).toBe(expected.stockReleased ? 10 : 8);
    }
  });
});
