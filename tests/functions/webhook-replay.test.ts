import { db } from "./support/saga-app";
import { beforeEach, describe, expect, it } from "vitest";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { recordingProvider, type RecordingProvider } from "./support/late-refund";
import { firstArrivals } from "./support/replay-model";
import {
  expectedFor,
  shuffledDeliveries,
  storyOrders,
  type Delivered,
  type Delivery,
  type StoryOrder,
} from "./support/replay-stories";
import { reservedOrder } from "./support/saga-flow";
import { orderData, seedStore, seedUser, STORE_CONFIG, stockOf } from "./support/seed";
import { callWebhook } from "./support/webhook-calls";

const UID = "shopper-1";
const SEEDS = [1, 7, 42, 2024, 9];
const COPIES = 3;
/** Final status per story across the seeds: the shuffles must reach both sides of each race. */
const finals = new Map<string, Set<string>>();

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 20 });
  await seedUser(db, UID, "replay@example.test");
});

async function ids(path: string): Promise<string[]> {
  return (await db.collection(path).listDocuments()).map((ref) => ref.id).sort();
}

function deliver(provider: RecordingProvider, delivery: Delivery): Promise<Delivered> {
  return callWebhook(db, provider, JSON.stringify(delivery.event)).then((response) => ({
    ...delivery,
    response,
  }));
}

/** Each event changed its order once, whatever the order and number of its deliveries. */
async function expectEachCountedOnce(
  orders: readonly StoryOrder[],
  delivered: readonly Delivered[],
  provider: RecordingProvider,
) {
  const handled = delivered.filter((delivery) => delivery.kind !== "unhandled");
  expect(delivered.every((delivery) => delivery.response.status === 200)).toBe(true);
  const allNotices: string[] = [];
  const allMails: string[] = [];
  for (const order of orders) {
    const expected = expectedFor(order, delivered);
    const label = `${order.story} (${order.orderId})`;
    const stored = await orderData(db, order.orderId);
    expect(stored.status, label).toBe(expected.status);
    expect(stored.payment.failedAttempts ?? 0, label).toBe(expected.failedAttempts);
    expect(stored.payment.refundedCents ?? 0, label).toBe(expected.refundedCents);
    expect(await ids(`orders/${order.orderId}/events`), label).toEqual(expected.timeline);
    expect(await stockOf(db, order.productId), label).toBe(expected.stockReleased ? 10 : 8);
    expect(stored.payment.lateRefundId !== undefined, label).toBe(expected.lateRefund);
    const refunds = provider.refunds.filter((refund) => refund.orderId === order.orderId);
    expect(new Set(refunds.map((refund) => refund.idempotencyKey)).size, label).toBe(
      expected.lateRefund ? 1 : 0,
    );
    for (const [eventId, outcome] of expected.outcomes) {
      expect((await db.doc(`webhookEvents/${eventId}`).get()).get("outcome"), label).toBe(outcome);
    }
    allNotices.push(...expected.notices);
    allMails.push(...expected.mails);
  }
  expect(await ids("webhookEvents")).toEqual([...new Set(handled.map((d) => d.event.id))].sort());
  expect(await ids(`users/${UID}/notifications`)).toEqual(allNotices.sort());
  expect(await ids("mail")).toEqual(allMails.sort());

  // The first delivery of a handled event did the work; every other one answered "duplicate".
  const first = new Set(firstArrivals(handled));
  for (const delivery of handled) {
    expect(delivery.response.body.duplicate, delivery.event.id).toBe(!first.has(delivery));
  }
  for (const delivery of delivered.filter((d) => d.kind === "unhandled")) {
    expect(delivery.response.body).toMatchObject({ duplicate: false, outcome: "ignored" });
  }
}

describe("every handled webhook event, delivered 3 times in a shuffled order, counts exactly once", () => {
  it.each(SEEDS)("seed %i", async (seed) => {
    const provider = recordingProvider();
    const orders = await storyOrders(db, (productId) => reservedOrder(db, productId, 2));
    const deliveries = shuffledDeliveries(orders, COPIES, seed);
    expect(deliveries).toHaveLength(COPIES * orders.reduce((sum, order) => sum + order.events.length, 0));

    const delivered: Delivered[] = [];
    for (const delivery of deliveries) delivered.push(await deliver(provider, delivery));

    await expectEachCountedOnce(orders, delivered, provider);
    for (const order of orders) {
      const status = String((await orderData(db, order.orderId)).status);
      finals.set(order.story, (finals.get(order.story) ?? new Set()).add(status));
    }
  });

  it("covers both outcomes of every race across the seeds", () => {
    expect(finals.get("expiry_races_payment")).toEqual(new Set(["expired", "paid"]));
    expect(finals.get("delayed_succeeds")).toEqual(new Set(["paid"]));
    expect(finals.get("refunded_in_two_steps")?.has("refunded")).toBe(true);
    expect(finals.get("refunded_in_two_steps")?.size).toBeGreaterThan(1);
  });

  it("also when the copies of each event arrive at the same moment", async () => {
    // In story order: the payment comes after the expiry (a late refund made outside the
    // transaction) and the refunds after the payment. Each group of copies contends on one record.
    const provider = recordingProvider();
    const stories = ["expiry_races_payment", "refunded_in_two_steps"];
    const orders = await storyOrders(db, (productId) => reservedOrder(db, productId, 2), stories);

    const delivered: Delivered[] = [];
    for (const order of orders) {
      for (const event of order.events) {
        const copies = Array.from({ length: COPIES }, (_, copy) =>
          deliver(provider, { ...event, orderId: order.orderId, copy }),
        );
        // Whichever copy won the record is "the first": put it first.
        const responses = await Promise.all(copies);
        delivered.push(
          ...responses.sort((a, b) => Number(a.response.body.duplicate) - Number(b.response.body.duplicate)),
        );
      }
    }

    await expectEachCountedOnce(orders, delivered, provider);
    expect((await orderData(db, orders[0]?.orderId ?? "")).payment.lateRefundId).toBeDefined();
  });
});
