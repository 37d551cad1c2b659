import type { OrderLine, RefundEntry } from "@hearth/domain";
import { describe, expect, it } from "vitest";
import { computeDailyReport, type ReportOrder, type ReportProduct } from "../../src/reports/daily-report";

// Paris is UTC+1 in January: 2025-01-31 runs from 2025-01-30T23:00Z to 2025-01-31T23:00Z.
const options = { date: "2025-01-31", timeZone: "Europe/Paris", currency: "EUR", lowStockThreshold: 3 };

function line(
  productId: string,
  quantity: number,
  unitPriceCents: number,
  name = `Product ${productId}`,
): OrderLine {
  return { productId, name, unitPriceCents, quantity, lineTotalCents: unitPriceCents * quantity };
}

function paid(
  id: string,
  at: string,
  lines: OrderLine[],
  shippingCents = 500,
  currency = "EUR",
): ReportOrder {
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
  return { id, order: { paidAt: new Date(at), lines, totalCents: subtotal + shippingCents, currency } };
}

function refund(orderId: string, amountCents: number, at: string, currency = "EUR"): RefundEntry {
  return { orderId, amountCents, refundedCents: amountCents, currency, at: new Date(at) };
}

const product = (id: string, stock: number, status: ReportProduct["status"] = "active"): ReportProduct => ({
  id,
  name: `Product ${id}`,
  stock,
  status,
});

describe("computeDailyReport", () => {
  const orders = [
    paid("before", "2025-01-30T22:59:59.999Z", [line("mug", 9, 1000)]), // 23:59:59.999 on the 30th in Paris
    paid("first", "2025-01-30T23:00:00.000Z", [line("mug", 2, 1000), line("bowl", 1, 2500)]),
    paid("late", "2025-01-31T22:59:59.999Z", [line("bowl", 1, 2500, "Oak bowl (new name)")], 0),
    paid("after", "2025-01-31T23:00:00.000Z", [line("mug", 9, 1000)]),
    paid("dollars", "2025-01-31T12:00:00.000Z", [line("mug", 1, 1200)], 0, "USD"),
    { id: "unpaid", order: { lines: [line("mug", 5, 1000)], totalCents: 5000, currency: "EUR" } },
  ];
  const refunds = [
    refund("old-order", 700, "2025-01-31T10:00:00Z"),
    refund("first", 300, "2025-01-30T23:00:00Z"),
    refund("old-order", 999, "2025-01-31T23:00:00Z"), // the next day in Paris
    refund("dollars", 1200, "2025-01-31T13:00:00Z", "USD"),
  ];
  const products = [product("jug", 0), product("vase", 3), product("mug", 4), product("lamp", 1, "draft")];

  it("counts the orders paid and the refunds recorded between the store's midnights", () => {
    const report = computeDailyReport(orders, refunds, products, options);
    expect(report).toEqual({
      date: "2025-01-31",
      timeZone: "Europe/Paris",
      currency: "EUR",
      startsAt: "2025-01-30T23:00:00.000Z",
      endsAt: "2025-01-31T23:00:00.000Z",
      orderCount: 2,
      unitsSold: 4,
      grossRevenueCents: 2 * 1000 + 2500 + 500 + 2500,
      refundCount: 2,
      refundedCents: 1000,
      netRevenueCents: 7500 - 1000,
      averageOrderValueCents: 3750,
      topProducts: [
        { productId: "bowl", name: "Oak bowl (new name)", quantity: 2, revenueCents: 5000 },
        { productId: "mug", name: "Product mug", quantity: 2, revenueCents: 2000 },
      ],
      lowStockThreshold: 3,
      lowStockCount: 2,
      lowStockProducts: [
        { productId: "jug", name: "Product jug", stock: 0 },
        { productId: "vase", name: "Product vase", stock: 3 },
      ],
      otherCurrencyOrderCount: 1,
    });
  });

  it("gives the same figures whatever order the documents come in", () => {
    const forward = computeDailyReport(orders, refunds, products, options);
    const backward = computeDailyReport(
      [...orders].reverse(),
      [...refunds].reverse(),
      [...products].reverse(),
      options,
    );
    expect(backward).toEqual(forward);
  });

  it("puts the same instants in another day in another zone", () => {
    const utc = computeDailyReport(orders, refunds, products, { ...options, timeZone: "UTC" });
    expect([utc.startsAt, utc.endsAt]).toEqual(["2025-01-31T00:00:00.000Z", "2025-02-01T00:00:00.000Z"]);
    // "first" (23:00Z on the 30th) is the 30th in UTC; "after" (23:00Z on the 31st) is the 31st.
    expect(utc.orderCount).toBe(2);
    expect(utc.grossRevenueCents).toBe(2500 + 9500);
    expect(utc.refundedCents).toBe(700 + 999);
  });

  it("reports an empty day as zeros, and a day of refunds only as negative net revenue", () => {
    const empty = computeDailyReport([], [], [], { ...options, date: "2025-02-02" });
    expect(empty).toMatchObject({
      orderCount: 0,
      grossRevenueCents: 0,
      averageOrderValueCents: 0,
      topProducts: [],
    });
    const refundsOnly = computeDailyReport([], [refund("o", 1500, "2025-02-02T12:00:00Z")], [], {
      ...options,
      date: "2025-02-02",
    });
    expect(refundsOnly).toMatchObject({ refundedCents: 1500, netRevenueCents: -1500 });
  });

  it("rounds the average order value half up and ranks ties by revenue, then id", () => {
    const report = computeDailyReport(
      [
        paid("a", "2025-01-31T10:00:00Z", [line("b", 1, 100), line("a", 1, 100)], 0),
        paid("b", "2025-01-31T11:00:00Z", [line("c", 1, 101)], 0),
      ],
      [],
      [],
      options,
    );
    expect(report.averageOrderValueCents).toBe(151); // 301 / 2 = 150.5
    expect(report.topProducts.map((p) => p.productId)).toEqual(["c", "a", "b"]);
  });

  it("stops at untilMs for today so far", () => {
    const report = computeDailyReport(orders, refunds, products, {
      ...options,
      untilMs: Date.parse("2025-01-31T12:00:00Z"),
    });
    expect(report.endsAt).toBe("2025-01-31T12:00:00.000Z");
    expect(report.orderCount).toBe(1);
    expect(report.refundedCents).toBe(1000);
  });

  it("keeps ten top products and fifty low-stock ones, and counts them all", () => {
    const many = Array.from({ length: 12 }, (_, i) => line(`p${String(i).padStart(2, "0")}`, 12 - i, 100));
    const stockOut = Array.from({ length: 60 }, (_, i) => product(`s${String(i).padStart(2, "0")}`, 0));
    const report = computeDailyReport([paid("big", "2025-01-31T10:00:00Z", many)], [], stockOut, options);
    expect(report.topProducts).toHaveLength(10);
    expect(report.topProducts[0]).toMatchObject({ productId: "p00", quantity: 12 });
    expect(report.lowStockProducts).toHaveLength(50);
    expect(report.lowStockCount).toBe(60);
  });
});
