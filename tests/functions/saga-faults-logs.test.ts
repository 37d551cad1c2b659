// Structured logs: every saga step names its order in an `orderId` field, with the same field names
// (step, status, eventId) wherever it is logged, so one query on orderId tells an order's story.
import { db } from "./support/saga-app";
import {
  checkoutSessionAsyncPaymentFailed,
  checkoutSessionCompleted,
  checkoutSessionExpired,
} from "@hearth/stripe-events";
import type { DocumentData } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmailLookup } from "../../functions/src/notifications/notify-status-change";
import { refundOrderAsAdmin } from "../../functions/src/orders/admin-actions";
import { expireUnpaidOrders } from "../../functions/src/orders/expire-unpaid";
import { handleOrderCreated } from "../../functions/src/orders/on-order-created";
import { handleOrderUpdated } from "../../functions/src/orders/on-order-updated";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { recordingProvider } from "./support/late-refund";
import { localProvider, reservedOrder } from "./support/saga-flow";
import { orderData, placeOrder, seedProduct, seedStore, seedUser, STORE_CONFIG } from "./support/seed";
import { callWebhook } from "./support/webhook-calls";
import { paidCheckout, paymentFacts } from "./support/webhook";

const UID = "shopper-1";
const lookup: EmailLookup = async () => "logs@example.test";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 20 });
  await seedProduct(db, "mug", { stock: 10 });
  await seedUser(db, UID, "logs@example.test");
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Observes the functions' logger without replacing it: every entry still goes out. */
function captureLogs() {
  const spies = (["info", "warn", "error"] as const).map((level) => vi.spyOn(logger, level));
  return () =>
    spies.flatMap((spy) =>
      spy.mock.calls.map(([message, fields]): Record<string, unknown> => ({
        message: String(message),
        ...(typeof fields === "object" && fields !== null ? (fields as Record<string, unknown>) : {}),
      })),
    );
}

/** What onOrderUpdated would run for the write `change` makes to the order. */
async function updated(orderId: string, change: () => Promise<unknown>) {
  const before: DocumentData = await orderData(db, orderId);
  await change();
  await handleOrderUpdated(db, orderId, before, await orderData(db, orderId), lookup);
}

const webhook = (event: object) => callWebhook(db, recordingProvider(), JSON.stringify(event));

describe("saga logs", () => {
  it("log every step with orderId, step and, where they exist, status and eventId", async () => {
    const entries = captureLogs();
    const paid = await placeOrder(db, UID, [{ productId: "mug", quantity: 1 }]);
    await updated(paid, () => handleOrderCreated(db, paid, localProvider));
    await updated(paid, async () => webhook(await paidCheckout(db, paid)));
    await updated(paid, () => refundOrderAsAdmin(db, localProvider, { orderId: paid }, "admin-1"));

    const expired = await reservedOrder(db, "mug", 1);
    await updated(expired, () => expireUnpaidOrders(db, new Date(Date.now() + 60 * 60_000)));
    await webhook(await paidCheckout(db, expired));

    const cancelled = await reservedOrder(db, "mug", 1);
    await updated(cancelled, () => db.doc(`orders/${cancelled}`).update({ status: "cancelled" }));

    const failed = await reservedOrder(db, "mug", 1);
    const facts = await paymentFacts(db, failed);
    await webhook(checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }));
    await webhook(checkoutSessionAsyncPaymentFailed(facts));

    const rejected = await placeOrder(db, UID, [{ productId: "mug", quantity: 50 }]);
    await handleOrderCreated(db, rejected, localProvider);
    await webhook({ ...checkoutSessionExpired(facts), id: "__x__" });

    const saga = entries().filter((entry) => "step" in entry);
    const stepsOf = (orderId: string) =>
      new Set(saga.filter((e) => e.orderId === orderId).map((e) => e.step));
    expect([...stepsOf(paid)]).toEqual(
      expect.arrayContaining([
        "created",
        "reserved",
        "session_created",
        "webhook_applied",
        "paid",
        "refunded",
        "notification_sent",
      ]),
    );
    // A function's own move gives the stock back in its transaction and says so on the move.
    expect(saga.find((e) => e.orderId === paid && e.step === "refunded")).toMatchObject({
      stockReleased: true,
    });
    expect([...stepsOf(expired)]).toEqual(
      expect.arrayContaining(["expired", "webhook_ignored", "late_refund"]),
    );
    expect([...stepsOf(cancelled)]).toEqual(
      expect.arrayContaining(["cancelled", "stock_released", "notification_sent"]),
    );
    expect([...stepsOf(failed)]).toEqual(expect.arrayContaining(["payment_processing", "payment_failed"]));
    expect([...stepsOf(rejected)]).toEqual(expect.arrayContaining(["created", "rejected"]));

    for (const entry of saga) {
      expect(
        typeof entry.orderId === "string" || entry.step === "webhook_refused",
        JSON.stringify(entry),
      ).toBe(true);
      if (String(entry.step).startsWith("webhook_") && entry.step !== "webhook_refused") {
        expect(entry.eventId, String(entry.message)).toEqual(expect.stringMatching(/^evt_/));
      }
    }
    for (const step of ["paid", "refunded", "expired", "cancelled", "payment_failed", "rejected"]) {
      expect(saga.find((entry) => entry.step === step)?.status, step).toBe(step);
    }
    expect(saga.find((entry) => entry.step === "paid")?.eventId).toEqual(expect.stringMatching(/^evt_/));
    expect(saga.filter((entry) => entry.step === "webhook_refused")).toEqual([
      expect.objectContaining({ orderId: null, error: expect.stringMatching(/^Malformed event: id: /) }),
    ]);
  });
});
