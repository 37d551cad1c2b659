import { db } from "./support/saga-app";
import { reportSchema, type OrderLine } from "@hearth/domain";
import { getStorage } from "firebase-admin/storage";
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { Refusal } from "../../functions/src/admins/refusal";
import { runScheduledDailyReport } from "../../functions/src/reports/daily-report-job";
import { recordRefundChange } from "../../functions/src/reports/refund-ledger";
import { reportCsv } from "../../functions/src/reports/report-csv";
import { reportDownloadUrl } from "../../functions/src/reports/report-files";
import { runDailyReport, salesSoFar } from "../../functions/src/reports/run-daily-report";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { ADDRESS, seedProduct, seedStore, STORE_CONFIG } from "./support/seed";

// Los Angeles is UTC-8 in January: 2025-01-31 there runs from 08:00Z on the 31st to 08:00Z on
// February 1st. `AFTER` is a moment when that day is over.
const ZONE = "America/Los_Angeles";
const DATE = "2025-01-31";
const AFTER = new Date("2025-02-01T09:00:00Z");
const bucket = getStorage().bucket(`${SAGA_PROJECT}.appspot.com`);
const csvFile = (date: string) => bucket.file(`reports/${date}.csv`);

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await bucket.deleteFiles({ prefix: "reports/" });
  await seedStore(db, { ...STORE_CONFIG, timeZone: ZONE, lowStockThreshold: 3 });
  await seedProduct(db, "mug", { name: "Mug", stock: 2 });
  await seedProduct(db, "bowl", { name: "Bowl", stock: 40 });
  await seedProduct(db, "jug", { name: "Jug", stock: 0, status: "draft" });
});

function line(productId: string, quantity: number, unitPriceCents: number): OrderLine {
  const name = productId === "mug" ? "Mug" : "Bowl";
  return { productId, name, unitPriceCents, quantity, lineTotalCents: quantity * unitPriceCents };
}

/** An order as the saga leaves it once paid at `paidAt` (then maybe shipped or refunded). */
async function paidOrder(id: string, paidAt: string, lines: OrderLine[], status = "paid"): Promise<void> {
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  const at = Timestamp.fromDate(new Date(paidAt));
  await db.doc(`orders/${id}`).set({
    uid: "shopper-1",
    items: lines.map(({ productId, quantity }) => ({ productId, quantity })),
    shippingAddress: ADDRESS,
    createdAt: at,
    status,
    lines,
    subtotalCents: subtotal,
    shippingCents: 500,
    totalCents: subtotal + 500,
    currency: "USD",
    paidAt: at,
  });
}

/** What the refund-ledger trigger does when an order's refunded total grows at `time`. */
function refunded(orderId: string, from: number, to: number, time: string) {
  return recordRefundChange(db, {
    orderId,
    time,
    before: { currency: "USD", payment: { refundedCents: from } },
    after: { currency: "USD", payment: { refundedCents: to } },
  });
}

async function seedDayAndNeighbours(): Promise<void> {
  await paidOrder("eve", "2025-01-31T07:59:59.999Z", [line("mug", 5, 1000)]); // 23:59:59.999 on the 30th
  await paidOrder("dawn", "2025-01-31T08:00:00.000Z", [line("mug", 2, 1000), line("bowl", 1, 3000)]);
  await paidOrder("night", "2025-02-01T07:59:59.000Z", [line("bowl", 2, 3000)], "shipped");
  await paidOrder("next", "2025-02-01T08:00:00.000Z", [line("bowl", 9, 3000)]);
  await refunded("old", 0, 700, "2025-01-31T20:00:00Z");
  await refunded("old", 700, 1000, "2025-02-01T08:00:00Z"); // the next day in Los Angeles
  await refunded("dawn", 0, 300, "2025-01-31T07:00:00Z"); // the day before
}

describe("runDailyReport", () => {
  it("reports the orders paid and refunds recorded between midnights in the store's zone", async () => {
    await seedDayAndNeighbours();

    const result = await runDailyReport(db, bucket, DATE, AFTER);

    expect(result).toMatchObject({
      date: DATE,
      document: "created",
      csv: "written",
      csvPath: `reports/${DATE}.csv`,
    });
    const stored = reportSchema.parse((await db.doc(`reports/${DATE}`).get()).data());
    const { generatedAt: _generatedAt, ...figures } = stored;
    expect(figures).toEqual({
      date: DATE,
      timeZone: ZONE,
      currency: "USD",
      startsAt: "2025-01-31T08:00:00.000Z",
      endsAt: "2025-02-01T08:00:00.000Z",
      orderCount: 2,
      unitsSold: 5,
      grossRevenueCents: 5500 + 6500,
      refundCount: 1,
      refundedCents: 700,
      netRevenueCents: 12000 - 700,
      averageOrderValueCents: 6000,
      topProducts: [
        { productId: "bowl", name: "Bowl", quantity: 3, revenueCents: 9000 },
        { productId: "mug", name: "Mug", quantity: 2, revenueCents: 2000 },
      ],
      lowStockThreshold: 3,
      lowStockCount: 1,
      lowStockProducts: [{ productId: "mug", name: "Mug", stock: 2 }],
      otherCurrencyOrderCount: 0,
    });
    expect(result.report).toEqual(figures);
    const [bytes] = await csvFile(DATE).download();
    expect(bytes.toString("utf8")).toBe(reportCsv(figures));
    const [metadata] = await csvFile(DATE).getMetadata();
    expect(metadata.contentType).toBe("text/csv; charset=utf-8");
  });

  it("gives the same document and file when run again, and writes neither", async () => {
    await seedDayAndNeighbours();
    await runDailyReport(db, bucket, DATE, AFTER);
    const first = (await db.doc(`reports/${DATE}`).get()).data();
    const [firstFile] = await csvFile(DATE).getMetadata();

    const again = await runDailyReport(db, bucket, DATE, new Date(AFTER.getTime() + 3_600_000));

    expect(again).toMatchObject({ document: "unchanged", csv: "unchanged" });
    expect((await db.doc(`reports/${DATE}`).get()).data()).toEqual(first);
    const [secondFile] = await csvFile(DATE).getMetadata();
    expect([secondFile.generation, secondFile.md5Hash]).toEqual([firstFile.generation, firstFile.md5Hash]);
  });

  it("rewrites a report whose data changed and keeps its download URL working", async () => {
    await seedDayAndNeighbours();
    await runDailyReport(db, bucket, DATE, AFTER);
    const url = await reportDownloadUrl(bucket, DATE);
    expect(url).toMatch(
      new RegExp(`/v0/b/${bucket.name}/o/reports%2F${DATE}\\.csv\\?alt=media&token=[0-9a-f-]{36}$`),
    );
    expect(await reportDownloadUrl(bucket, DATE)).toBe(url);

    await refunded("dawn", 300, 1300, "2025-01-31T21:00:00Z");
    const rerun = await runDailyReport(db, bucket, DATE, AFTER);

    expect(rerun).toMatchObject({ document: "updated", csv: "written" });
    expect(rerun.report).toMatchObject({
      refundCount: 2,
      refundedCents: 1700,
      netRevenueCents: 12000 - 1700,
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(reportCsv(rerun.report));
  });

  it("refuses a day that is not over, a date that does not exist and a zone the server does not know", async () => {
    const refusal = (work: Promise<unknown>) =>
      work.then(
        () => null,
        (error: unknown) => error,
      );

    const early = await refusal(runDailyReport(db, bucket, DATE, new Date("2025-02-01T07:59:59Z")));
    expect(early).toBeInstanceOf(Refusal);
    expect(early).toMatchObject({
      code: "failed-precondition",
      message: expect.stringMatching(/not over yet/),
    });
    expect(await refusal(runDailyReport(db, bucket, "2025-02-30", AFTER))).toMatchObject({
      code: "invalid-argument",
    });
    await seedStore(db, { ...STORE_CONFIG, timeZone: "Mars/Olympus_Mons" });
    expect(await refusal(runDailyReport(db, bucket, DATE, AFTER))).toMatchObject({
      code: "failed-precondition",
      message: expect.stringMatching(/Mars\/Olympus_Mons/),
    });
    expect(await refusal(reportDownloadUrl(bucket, "2025-01-01"))).toMatchObject({ code: "not-found" });
    expect((await db.collection("reports").get()).size).toBe(0);
  });
});

describe("the refund ledger", () => {
  it("records each growth of an order's refunded total once, and nothing else", async () => {
    expect(await refunded("o1", 0, 500, "2025-01-31T20:00:00.123456Z")).toMatchObject({
      orderId: "o1",
      amountCents: 500,
      refundedCents: 500,
    });
    await refunded("o1", 0, 500, "2025-01-31T20:00:00.123456Z"); // a redelivery
    expect(await refunded("o1", 500, 500, "2025-01-31T21:00:00Z")).toBeNull();
    const noCurrency = await recordRefundChange(db, {
      orderId: "o2",
      time: "2025-01-31T20:00:00Z",
      before: undefined,
      after: { payment: { refundedCents: 100 } },
    });
    expect(noCurrency).toBeNull();
    const entries = await db.collection("refunds").get();
    expect(entries.docs.map((doc) => doc.id)).toEqual(["o1_500"]);
    expect(entries.docs[0]?.get("at").toDate().toISOString()).toBe("2025-01-31T20:00:00.123Z");
  });
});

describe("the schedule", () => {
  it("makes yesterday's report from 00:05 in the store's zone, once", async () => {
    await seedDayAndNeighbours();
    // 00:03 and 00:05 on February 1st in Los Angeles.
    const early = await runScheduledDailyReport(db, bucket, new Date("2025-02-01T08:03:00Z"));
    expect(early).toEqual({ ran: false, date: DATE, reason: `it is not 00:05 yet in ${ZONE}` });

    const due = await runScheduledDailyReport(db, bucket, new Date("2025-02-01T08:05:00Z"));
    expect(due.ran && due.result).toMatchObject({ date: DATE, document: "created" });

    const later = await runScheduledDailyReport(db, bucket, new Date("2025-02-01T08:20:00Z"));
    expect(later).toEqual({ ran: false, date: DATE, reason: "the report exists" });
  });
});

describe("salesSoFar", () => {
  it("counts today from the store's midnight up to now without writing", async () => {
    await seedDayAndNeighbours();
    const report = await salesSoFar(db, new Date("2025-01-31T12:00:00Z"));
    expect(report).toMatchObject({
      date: DATE,
      startsAt: "2025-01-31T08:00:00.000Z",
      endsAt: "2025-01-31T12:00:00.000Z",
      orderCount: 1,
      grossRevenueCents: 5500,
      refundedCents: 0,
    });
    expect((await db.collection("reports").get()).size).toBe(0);
  });
});
