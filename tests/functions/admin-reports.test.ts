import { refundEntrySchema, reportFiguresSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { callFunction, idTokenFor } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { awaitingPayment } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT, waitFor } from "./support/emulators";
import { orderData, placeOrder, seedProduct, seedStore, seedUser } from "./support/seed";
import { paidCheckout, postWebhook } from "./support/webhook";

// seedStore keeps the default time zone, UTC.
const UID = "shopper-report-tests";
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
  await seedUser(db, UID, "shopper@example.test");
});

describe("reports through the callables", () => {
  it("records an admin's refund in the ledger and counts it in today's figures", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const orderId = await placeOrder(db, UID, [{ productId: "mug", quantity: 2 }]);
    await awaitingPayment(orderId);
    expect((await postWebhook(await paidCheckout(db, orderId))).status).toBe(200);
    const total: number = (await orderData(db, orderId)).totalCents;

    const refund = await callFunction("adminRefundOrder", { orderId, amountCents: 500 }, admin);
    expect(refund.result).toMatchObject({ orderId, status: "paid" });

    const entry = await waitFor("the refund entry", async () =>
      (await db.doc(`refunds/${orderId}_500`).get()).data(),
    );
    expect(refundEntrySchema.parse(entry)).toMatchObject({
      orderId,
      amountCents: 500,
      refundedCents: 500,
      currency: "USD",
    });
    const today = await callFunction("adminSalesToday", null, admin);
    const report = reportFiguresSchema.parse((today.result as { report: unknown }).report);
    expect(report).toMatchObject({
      date: utcDate(Date.now()),
      timeZone: "UTC",
      orderCount: 1,
      unitsSold: 2,
      grossRevenueCents: total,
      refundCount: 1,
      refundedCents: 500,
      netRevenueCents: total - 500,
      topProducts: [{ productId: "mug", quantity: 2 }],
    });
    expect((await db.collection("reports").get()).size).toBe(0);
  });

  it("runs a chosen day's report, the same again, and hands admins a link to its CSV", async () => {
    const admin = await idTokenFor(auth, "admin-1", { admin: true });
    const yesterday = utcDate(Date.now() - 86_400_000);

    const first = await callFunction("adminRunDailyReport", { date: yesterday }, admin);
    expect(first.result).toMatchObject({
      date: yesterday,
      document: "created",
      csv: "written",
      csvPath: `reports/${yesterday}.csv`,
      report: { date: yesterday, orderCount: 0, lowStockCount: 0 },
    });
    const stored = (await db.doc(`reports/${yesterday}`).get()).data();
    const again = await callFunction("adminRunDailyReport", {}, admin);
    expect(again.result).toMatchObject({ date: yesterday, document: "unchanged", csv: "unchanged" });
    expect((await db.doc(`reports/${yesterday}`).get()).data()).toEqual(stored);

    const link = await callFunction("adminReportDownloadUrl", { date: yesterday }, admin);
    const { url } = link.result as { url: string };
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(await download.text()).toMatch(new RegExp(`^Daily sales report,${yesterday}\r\n`));

    const today = utcDate(Date.now());
    expect((await callFunction("adminRunDailyReport", { date: today }, admin)).error).toEqual({
      status: "FAILED_PRECONDITION",
      message: `${today} is not over yet in UTC; today's figures so far are on the dashboard`,
    });
    expect((await callFunction("adminReportDownloadUrl", { date: "2020-01-01" }, admin)).error).toEqual({
      status: "NOT_FOUND",
      message: "There is no report for 2020-01-01 yet; run it first",
    });
    expect((await callFunction("adminRunDailyReport", { date: "2020-02-30" }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
  });
});
