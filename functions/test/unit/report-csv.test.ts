import type { ReportFigures } from "@hearth/domain";
import { describe, expect, it } from "vitest";
import { reportCsv } from "../../src/reports/report-csv";

const report: ReportFigures = {
  date: "2025-01-31",
  timeZone: "Europe/Paris",
  currency: "EUR",
  startsAt: "2025-01-30T23:00:00.000Z",
  endsAt: "2025-01-31T23:00:00.000Z",
  orderCount: 2,
  unitsSold: 3,
  grossRevenueCents: 1000,
  refundCount: 1,
  refundedCents: 2050,
  netRevenueCents: -1050,
  averageOrderValueCents: 500,
  topProducts: [
    { productId: "mug", name: 'Mug, "large"', quantity: 2, revenueCents: 800 },
    { productId: "evil", name: '=HYPERLINK("x")', quantity: 1, revenueCents: 200 },
  ],
  lowStockThreshold: 3,
  lowStockCount: 1,
  lowStockProducts: [{ productId: "jug", name: "-Jug", stock: 0 }],
  otherCurrencyOrderCount: 0,
};

describe("reportCsv", () => {
  it("writes the figures, top products and low stock as CRLF sections", () => {
    expect(reportCsv(report).split("\r\n")).toEqual([
      "Daily sales report,2025-01-31",
      "Time zone,Europe/Paris",
      "From,2025-01-30T23:00:00.000Z",
      "Until,2025-01-31T23:00:00.000Z",
      "Currency,EUR",
      "",
      "Figure,Value",
      "Orders,2",
      "Units sold,3",
      "Gross revenue,10.00",
      "Refunds,1",
      "Refunded,20.50",
      "Net revenue,-10.50",
      "Average order value,5.00",
      "Orders in other currencies,0",
      "",
      "Top products",
      "Product ID,Name,Units,Revenue",
      'mug,"Mug, ""large""",2,8.00',
      `evil,"'=HYPERLINK(""x"")",1,2.00`,
      "",
      "Low stock (1 active product at or below 3)",
      "Product ID,Name,Stock",
      "jug,'-Jug,0",
      "",
    ]);
  });

  it("writes amounts in the currency's own decimals", () => {
    const yen = reportCsv({ ...report, currency: "JPY", grossRevenueCents: 1234 });
    expect(yen).toContain("Gross revenue,1234\r\n");
  });
});
