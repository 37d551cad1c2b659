import { readFileSync } from "node:fs";
import path from "node:path";
import { mailSchema } from "@hearth/domain";
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { callFunction, idTokenFor } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { awaitingPayment, notified } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT, waitFor } from "./support/emulators";
import { orderData, placeOrder, seedProduct, seedStore, seedUser, stockOf } from "./support/seed";
import { paidCheckout, postWebhook } from "./support/webhook";

const UID = "shopper-admin-tests";
const shipped = { event: "shipped", carrier: "UPS", trackingNumber: "1Z999AA10123456784" } as const;

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
  await seedUser(db, UID, "shopper@example.test");
});

async function paidOrder(quantity: number): Promise<string> {
  const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity }]);
  await awaitingPayment(orderId);
  expect((await postWebhook(await paidCheckout(db, orderId))).status).toBe(200);
  return orderId;
}

// Every admin callable, each with input it would accept from an admin.
const ADMIN_CALLABLES = [
  { name: "adminCancelOrder", data: { orderId: "x" } },
  { name: "adminRefundOrder", data: { orderId: "x", amountCents: 100 } },
  {
    name: "adminUpdateOrderStatus",
    data: { orderId: "x", event: "shipped", carrier: "UPS", trackingNumber: "1Z" },
  },
  { name: "runScheduledJobNow", data: { job: "expireUnpaidOrders" } },
  { name: "adminSetAdmin", data: { email: "not-an-admin@example.test", admin: true } },
  { name: "adminListAdmins", data: null },
  { name: "adminRunDailyReport", data: { date: "2025-01-31" } },
  { name: "adminSalesToday", data: null },
  { name: "adminReportDownloadUrl", data: { date: "2025-01-31" } },
  {
    name: "adminSaveProduct",
    data: {
      product: {
        name: "Mug",
        slug: "mug-2",
        description: "",
        priceCents: 100,
        categoryId: "x",
        tags: [],
        status: "draft",
        stock: 1,
      },
    },
  },
  { name: "adminDeleteProductImage", data: { productId: "mug", path: "products/mug/original/a.jpg" } },
];

describe("admin callables over HTTP", () => {
  it("lists every admin callable that functions/src/index.ts deploys", () => {
    const index = readFileSync(path.resolve(import.meta.dirname, "../../functions/src/index.ts"), "utf8");
    const exported = [...index.matchAll(/\b(admin[A-Z]\w*|runScheduledJobNow)\b/g)].map((match) => match[1]);
    expect(new Set(exported)).toEqual(new Set(ADMIN_CALLABLES.map((callable) => callable.name)));
  });

  it.each(ADMIN_CALLABLES)("$name refuses anonymous callers and shoppers", async ({ name, data }) => {
    const shopper = await idTokenFor(auth, "not-an-admin");

    const anonymous = await callFunction(name, data);
    const denied = await callFunction(name, data, shopper);

    expect(anonymous.error?.status).toBe("UNAUTHENTICATED");
    expect(denied.error?.status).toBe("PERMISSION_DENIED");
  });

  it("validates input and reports missing orders and illegal moves", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 1 }]);
    await awaitingPayment(orderId);

    expect((await callFunction("adminCancelOrder", { orderId: "" }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect(
      (await callFunction("adminUpdateOrderStatus", { orderId, event: "paid" }, admin)).error?.status,
    ).toBe("INVALID_ARGUMENT");
    expect(await callFunction("adminUpdateOrderStatus", { orderId, event: "shipped" }, admin)).toMatchObject({
      error: {
        status: "INVALID_ARGUMENT",
        message:
          "carrier: Required to mark an order shipped; trackingNumber: Required to mark an order shipped",
      },
    });
    expect((await callFunction("runScheduledJobNow", { job: "dropTables" }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await callFunction("adminRefundOrder", { orderId, amountCents: 0 }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await callFunction("adminCancelOrder", { orderId: "missing" }, admin)).error?.status).toBe(
      "NOT_FOUND",
    );
    const illegal = await callFunction("adminUpdateOrderStatus", { orderId, ...shipped }, admin);
    expect(illegal.error).toMatchObject({
      status: "FAILED_PRECONDITION",
      message: expect.stringMatching(/awaiting_payment/),
    });
    expect((await orderData(db, orderId)).status).toBe("awaiting_payment");
  });

  it("cancels a paid order with a refund and releases stock exactly once", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const orderId = await paidOrder(3);
    expect(await stockOf(db, "mug")).toBe(7);

    const result = await callFunction("adminCancelOrder", { orderId, reason: "Out of glaze" }, admin);

    const refundId = `re_local_${orderId}-refund-1`;
    expect(result.result).toEqual({ orderId, status: "cancelled", refundId });
    const order = await orderData(db, orderId);
    expect(order.payment).toMatchObject({ refundId, status: "refunded", refundedCents: order.totalCents });
    expect(order.payment.pendingRefund).toBeUndefined();
    expect(await stockOf(db, "mug")).toBe(10);
    const record = (await db.doc(`orders/${orderId}/events/cancelled`).get()).data();
    expect(record).toMatchObject({
      from: "paid",
      to: "cancelled",
      actor: { type: "admin", id: "admin-1" },
      note: "Out of glaze",
    });
    await notified(UID, orderId, "cancelled");

    const again = await callFunction("adminCancelOrder", { orderId }, admin);
    expect(again.error?.status).toBe("FAILED_PRECONDITION");
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("cancels an order awaiting payment and ships then delivers a paid one", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const unpaid = await placeOrder(db, UID, [{ productId: "mug", quantity: 2 }]);
    await awaitingPayment(unpaid);
    expect((await callFunction("adminCancelOrder", { orderId: unpaid }, admin)).result).toEqual({
      orderId: unpaid,
      status: "cancelled",
    });

    const paid = await paidOrder(1);
    expect(
      (
        await callFunction(
          "adminUpdateOrderStatus",
          { orderId: paid, event: "shipped", carrier: " Colissimo ", trackingNumber: "6A 1234" },
          admin,
        )
      ).result,
    ).toEqual({
      orderId: paid,
      status: "shipped",
    });
    expect((await orderData(db, paid)).shipment).toEqual({ carrier: "Colissimo", trackingNumber: "6A 1234" });
    expect((await db.doc(`orders/${paid}/events/shipped`).get()).get("note")).toBe(
      "Shipped with Colissimo, tracking number 6A 1234",
    );
    const shippedNotice = await notified(UID, paid, "shipped");
    expect(shippedNotice.body).toBe("Your order is on its way with Colissimo. Tracking number: 6A 1234.");
    const mail = await waitFor("the shipped mail", async () =>
      (await db.doc(`mail/${paid}_shipped`).get()).data(),
    );
    expect(mailSchema.parse(mail)).toMatchObject({
      to: "shopper@example.test",
      message: { text: expect.stringContaining("Tracking number: 6A 1234") },
      createdAt: expect.any(Timestamp),
    });
    expect(
      (await callFunction("adminUpdateOrderStatus", { orderId: paid, event: "delivered" }, admin)).result,
    ).toEqual({
      orderId: paid,
      status: "delivered",
    });
    expect(await stockOf(db, "mug")).toBe(9);
    await notified(UID, paid, "delivered");
    await notified(UID, unpaid, "cancelled");
  });

  it("refunds part of a shipped order, then refuses more than is left", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const orderId = await paidOrder(2);
    await callFunction("adminUpdateOrderStatus", { orderId, ...shipped }, admin);
    const total: number = (await orderData(db, orderId)).totalCents;

    const partial = await callFunction(
      "adminRefundOrder",
      { orderId, amountCents: 500, reason: "Chipped" },
      admin,
    );
    expect(partial.result).toEqual({ orderId, status: "shipped", refundId: `re_local_${orderId}-refund-1` });
    expect((await orderData(db, orderId)).payment.refundedCents).toBe(500);

    const tooMuch = await callFunction("adminRefundOrder", { orderId, amountCents: total }, admin);
    expect(tooMuch.error).toMatchObject({
      status: "INVALID_ARGUMENT",
      message: expect.stringMatching(/at most/),
    });

    const rest = await callFunction("adminRefundOrder", { orderId }, admin);
    expect(rest.result).toMatchObject({ orderId, status: "refunded" });
    const order = await orderData(db, orderId);
    expect(order.payment.refundedCents).toBe(total);
    // Shipped goods are not back on the shelf.
    expect(await stockOf(db, "mug")).toBe(8);
    await notified(UID, orderId, "refunded");
  });

  it("runs the expiry job now for admins", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 5 }]);
    await awaitingPayment(orderId);
    await db.doc(`orders/${orderId}`).update({ expiresAt: Timestamp.fromMillis(Date.now() - 1_000) });

    const result = await callFunction("runScheduledJobNow", { job: "expireUnpaidOrders" }, admin);

    expect(result.result).toEqual({ job: "expireUnpaidOrders", expired: 1, orderIds: [orderId] });
    expect((await orderData(db, orderId)).status).toBe("expired");
    expect(await stockOf(db, "mug")).toBe(10);
    await notified(UID, orderId, "expired");
  });
});
