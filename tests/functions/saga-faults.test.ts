import { db } from "./support/saga-app";
import { canTransition, orderStatusSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { handleOrderCreated, handleOrderCreatedEvent } from "../../functions/src/orders/on-order-created";
import { TRIGGER_FAILURES } from "../../functions/src/orders/trigger-failures";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { faultyProvider } from "./support/fault-providers";
import { countDocs, orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";

const UID = "shopper-1";
const MINUTE = 60_000;

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10, priceCents: 1_250 });
  await seedUser(db, UID, "faults@example.test");
});

const newOrder = (quantity = 3) => placeOrder(db, UID, [{ productId: "mug", quantity }]);

async function statusOf(orderId: string) {
  return orderStatusSchema.parse((await orderData(db, orderId)).status);
}

async function timeline(orderId: string): Promise<string[]> {
  return (await db.collection(`orders/${orderId}/events`).listDocuments()).map((ref) => ref.id).sort();
}

describe("the payment provider fails while the checkout session is created", () => {
  it("unavailable: the order waits reserved, and the retried trigger opens one session", async () => {
    const provider = faultyProvider();
    const orderId = await newOrder();
    provider.failNext({ kind: "unavailable" }, { kind: "unavailable" });

    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(handleOrderCreated(db, orderId, provider)).rejects.toThrow(/connection to Stripe/);
      // priced is a move the state machine allows; the stock is taken once and kept for the retry.
      expect(await statusOf(orderId)).toBe("awaiting_payment");
      expect(canTransition("pending", "awaiting_payment")).toBe(true);
      expect(await stockOf(db, "mug")).toBe(7);
      expect((await orderData(db, orderId)).payment.sessionId).toBeUndefined();
    }

    const retried = await handleOrderCreated(db, orderId, provider);

    expect(retried).toMatchObject({ reservation: { kind: "skipped" }, session: "created" });
    const order = await orderData(db, orderId);
    expect(order).toMatchObject({
      status: "awaiting_payment",
      payment: { status: "open", sessionId: `cs_test_${orderId}` },
    });
    expect(await stockOf(db, "mug")).toBe(7);
    expect(provider.sessions.size).toBe(1);
    expect(await timeline(orderId)).toEqual(["priced"]);

    // A later redelivery finds the session and calls nobody.
    expect(await handleOrderCreated(db, orderId, provider)).toMatchObject({ session: "exists" });
    expect(provider.calls.sessions).toBe(3);
  });

  it("unavailable for longer than the trigger retries: the payment fails visibly and the stock returns", async () => {
    const provider = faultyProvider();
    const orderId = await newOrder();
    const placedAt = new Date();
    provider.failNext({ kind: "unavailable" });
    await expect(
      handleOrderCreatedEvent(db, { orderId, time: placedAt.toISOString() }, provider),
    ).rejects.toThrow();

    const late = new Date(placedAt.getTime() + 11 * MINUTE);
    const result = await handleOrderCreatedEvent(
      db,
      { orderId, time: placedAt.toISOString() },
      provider,
      late,
    );

    expect(result).toMatchObject({ gaveUp: { kind: "payment_failed" } });
    const order = await orderData(db, orderId);
    expect(order.status).toBe("payment_failed");
    expect(order.failureReason).toMatch(/took too long\. Your items were released/);
    expect(await stockOf(db, "mug")).toBe(10);
    expect((await db.doc(`${TRIGGER_FAILURES}/onOrderCreated_${orderId}`).get()).data()).toMatchObject({
      kind: "gave_up",
      settlement: "payment_failed",
    });
    expect(provider.sessions.size).toBe(0);
  });

  it.each([
    { code: "amount_too_large", says: /more than a single payment can be/ },
    { code: "parameter_invalid_empty", says: /could not open the checkout/ },
  ])(
    "refused for good ($code): the payment fails with a reason and the stock returns",
    async ({ code, says }) => {
      const provider = faultyProvider();
      const orderId = await newOrder();
      provider.failNext({ kind: "refused", code });

      const result = await handleOrderCreated(db, orderId, provider);

      expect(result).toMatchObject({ reservation: { kind: "reserved" }, session: "failed" });
      const order = await orderData(db, orderId);
      expect(order.status).toBe("payment_failed");
      expect(order.failureReason).toMatch(says);
      expect(order.failureReason).toMatch(/Your items were released and you have not been charged\.$/);
      expect(order.stockReleasedAt).toBeDefined();
      expect(await stockOf(db, "mug")).toBe(10);
      expect(await timeline(orderId)).toEqual(["payment_failed", "priced"]);
      expect((await db.doc(`${TRIGGER_FAILURES}/onOrderCreated_${orderId}`).get()).data()).toMatchObject({
        kind: "permanent",
        settlement: "payment_failed",
        detail: expect.stringContaining(code),
      });

      // A redelivery of the trigger changes nothing and asks the provider nothing.
      const again = await handleOrderCreated(db, orderId, provider);
      expect(again).toMatchObject({ reservation: { kind: "skipped" }, session: "skipped" });
      expect(provider.calls.sessions).toBe(1);
      expect(await stockOf(db, "mug")).toBe(10);
      expect(await countDocs(db, TRIGGER_FAILURES)).toBe(1);
    },
  );

  it("two deliveries at once reserve once and store the one session the provider made", async () => {
    const provider = faultyProvider();
    const orderId = await newOrder();

    const results = await Promise.all([0, 1, 2].map(() => handleOrderCreated(db, orderId, provider)));

    expect(results.filter((result) => result.reservation.kind === "reserved")).toHaveLength(1);
    expect(results.filter((result) => result.session === "created")).toHaveLength(1);
    expect(await stockOf(db, "mug")).toBe(7);
    expect(provider.sessions.size).toBe(1);
    expect((await orderData(db, orderId)).payment.sessionId).toBe(`cs_test_${orderId}`);
  });

  it("a shopper who cancels while the session is being made keeps a cancelled order with no open session", async () => {
    const provider = faultyProvider();
    const orderId = await newOrder();
    provider.failNext({
      kind: "during",
      run: async () => {
        await applyTransition(db, { orderId, event: "cancelled", actor: { type: "user", id: UID } });
      },
    });

    const result = await handleOrderCreated(db, orderId, provider);

    expect(result).toMatchObject({ reservation: { kind: "reserved" }, session: "skipped" });
    const order = await orderData(db, orderId);
    expect(order.status).toBe("cancelled");
    expect(order.payment).toEqual({ provider: "stripe", status: "awaiting" });
    expect(await stockOf(db, "mug")).toBe(10);
  });
});
