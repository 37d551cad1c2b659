import { db } from "./support/saga-app";
import Stripe from "stripe";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelOrderAsAdmin, refundOrderAsAdmin } from "../../functions/src/orders/admin-actions";
import type { PaymentProvider, RefundRequest } from "../../functions/src/payments/provider";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { deliver, localProvider, reservedOrder } from "./support/saga-flow";
import { orderData, seedProduct, seedStore, stockOf } from "./support/seed";
import { paidCheckout } from "./support/webhook";

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

/**
 * Plays the provider's side of refunds as Stripe does: one refund per idempotency key, the same
 * answer for a repeated key. `failNext` makes the next answer get lost after the refund happened
 * (the network dropped it), or makes the provider refuse the request outright.
 */
function refundLedger() {
  const refunds = new Map<string, RefundRequest>();
  const calls: RefundRequest[] = [];
  let failNext: "lost" | "refused" | null = null;
  const provider: PaymentProvider = {
    ...localProvider,
    async refund(request) {
      calls.push(request);
      const failure = failNext;
      failNext = null;
      if (failure === "refused") {
        throw new Stripe.errors.StripeInvalidRequestError({
          message: "Charge ch_1 has already been refunded.",
          code: "charge_already_refunded",
          statusCode: 400,
        });
      }
      if (!refunds.has(request.idempotencyKey)) refunds.set(request.idempotencyKey, request);
      if (failure === "lost") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      return { refundId: `re_${request.idempotencyKey}` };
    },
  };
  return {
    provider,
    calls,
    refunds,
    failNext: (kind: "lost" | "refused") => {
      failNext = kind;
    },
  };
}

async function paidOrder(quantity: number): Promise<{ orderId: string; totalCents: number }> {
  const orderId = await reservedOrder(db, "mug", quantity);
  expect(await deliver(db, await paidCheckout(db, orderId))).toMatchObject({ outcome: "applied" });
  return { orderId, totalCents: (await orderData(db, orderId)).totalCents };
}

describe("admin refunds", () => {
  it("honours the amount asked for: a partial refund keeps the order paid, the rest refunds it", async () => {
    const ledger = refundLedger();
    const { orderId, totalCents } = await paidOrder(2);

    const partial = await refundOrderAsAdmin(db, ledger.provider, { orderId, amountCents: 450 }, "admin-1");

    expect(partial).toEqual({ orderId, status: "paid", refundId: `re_${orderId}-refund-1` });
    expect(ledger.calls).toEqual([
      {
        orderId,
        paymentIntentId: `pi_local_${orderId}`,
        amountCents: 450,
        idempotencyKey: `${orderId}-refund-1`,
      },
    ]);
    expect((await orderData(db, orderId)).payment).toMatchObject({ refundedCents: 450, refundAttempts: 1 });
    const notice = await db.doc(`users/shopper-1/notifications/${orderId}_${orderId}-refund-1`).get();
    expect(notice.get("title")).toBe("Refund on its way");

    const rest = await refundOrderAsAdmin(db, ledger.provider, { orderId }, "admin-1");

    expect(rest).toMatchObject({ status: "refunded" });
    expect(ledger.calls[1]).toMatchObject({
      amountCents: totalCents - 450,
      idempotencyKey: `${orderId}-refund-2`,
    });
    const order = await orderData(db, orderId);
    expect(order.payment).toMatchObject({ refundedCents: totalCents, status: "refunded" });
    expect(order.payment.pendingRefund).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("refuses an amount over what is left instead of cutting it down", async () => {
    const ledger = refundLedger();
    const { orderId, totalCents } = await paidOrder(1);

    await expect(
      refundOrderAsAdmin(db, ledger.provider, { orderId, amountCents: totalCents + 1 }, "admin-1"),
    ).rejects.toMatchObject({ code: "invalid-argument", message: expect.stringMatching(/at most/) });

    expect(ledger.calls).toEqual([]);
    const order = await orderData(db, orderId);
    expect(order.status).toBe("paid");
    expect(order.payment.pendingRefund).toBeUndefined();
  });

  it("finishes a refund whose answer was lost, with the same key, and refunds once", async () => {
    const ledger = refundLedger();
    const { orderId, totalCents } = await paidOrder(3);
    ledger.failNext("lost");

    await expect(cancelOrderAsAdmin(db, ledger.provider, { orderId }, "admin-1")).rejects.toMatchObject({
      code: "unavailable",
    });
    const halfDone = await orderData(db, orderId);
    expect(halfDone.status).toBe("paid");
    expect(halfDone.payment.pendingRefund).toMatchObject({ key: `${orderId}-refund-1`, then: "cancelled" });

    const retried = await cancelOrderAsAdmin(db, ledger.provider, { orderId }, "admin-1");

    expect(retried).toEqual({ orderId, status: "cancelled", refundId: `re_${orderId}-refund-1` });
    expect(ledger.calls.map((call) => call.idempotencyKey)).toEqual([
      `${orderId}-refund-1`,
      `${orderId}-refund-1`,
    ]);
    expect([...ledger.refunds.values()]).toEqual([
      {
        orderId,
        paymentIntentId: `pi_local_${orderId}`,
        amountCents: totalCents,
        idempotencyKey: `${orderId}-refund-1`,
      },
    ]);
    expect((await orderData(db, orderId)).payment.pendingRefund).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("finishes the half-done refund before anything else and asks the admin to look again", async () => {
    const ledger = refundLedger();
    const { orderId } = await paidOrder(1);
    ledger.failNext("lost");
    await expect(
      refundOrderAsAdmin(db, ledger.provider, { orderId, amountCents: 100 }, "admin-1"),
    ).rejects.toMatchObject({ code: "unavailable" });

    await expect(
      refundOrderAsAdmin(db, ledger.provider, { orderId, amountCents: 999 }, "admin-1"),
    ).rejects.toMatchObject({
      code: "failed-precondition",
      message: expect.stringMatching(/earlier refund/),
    });

    expect(ledger.calls.map((call) => call.amountCents)).toEqual([100, 100]);
    expect((await orderData(db, orderId)).payment).toMatchObject({ refundedCents: 100 });
  });

  it("says why when the provider refuses, and leaves nothing pending", async () => {
    const ledger = refundLedger();
    const { orderId } = await paidOrder(1);
    ledger.failNext("refused");

    await expect(refundOrderAsAdmin(db, ledger.provider, { orderId }, "admin-1")).rejects.toMatchObject({
      code: "failed-precondition",
      message: expect.stringMatching(/already been refunded/),
    });

    const order = await orderData(db, orderId);
    expect(order.status).toBe("paid");
    expect(order.payment.pendingRefund).toBeUndefined();
  });
});
