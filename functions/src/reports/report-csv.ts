import { centsToDecimalString, type ReportFigures } from "@hearth/domain";

/** A decimal amount as digits ("-12.50"): written as it is, never formula-escaped. */
interface Amount {
  decimal: string;
}
type Cell = string | number | Amount;

/**
 * A cell as RFC 4180 writes it: quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * product names are typed by people, and this file is opened in spreadsheets.
 */
function cell(value: Cell): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "object") return value.decimal;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(...cells: Cell[]): string {
  return cells.map(cell).join(",");
}

/**
 * reports/{date}.csv: the report as sections a spreadsheet shows one under the other. Amounts
 * are decimals in the currency's major unit, numbers as such (never formula-escaped); lines end in
 * CRLF as RFC 4180 says. Built from the figures alone, so the same figures give the same bytes.
 */
export function reportCsv(report: ReportFigures): string {
  const money = (cents: number): Amount => ({ decimal: centsToDecimalString(cents, report.currency) });
  const lines = [
    row("Daily sales report", report.date),
    row("Time zone", report.timeZone),
    row("From", report.startsAt),
    row("Until", report.endsAt),
    row("Currency", report.currency),
    "",
    row("Figure", "Value"),
    row("Orders", report.orderCount),
    row("Units sold", report.unitsSold),
    row("Gross revenue", money(report.grossRevenueCents)),
    row("Refunds", report.refundCount),
    row("Refunded", money(report.refundedCents)),
    row("Net revenue", money(report.netRevenueCents)),
    row("Average order value", money(report.averageOrderValueCents)),
    row("Orders in other currencies", report.otherCurrencyOrderCount),
    "",
    row("Top products"),
    row("Product ID", "Name", "Units", "Revenue"),
    ...report.topProducts.map((p) => row(p.productId, p.name, p.quantity, money(p.revenueCents))),
    "",
    row(
      `Low stock (${report.lowStockCount} active ${report.lowStockCount === 1 ? "product" : "products"} ` +
        `at or below ${report.lowStockThreshold})`,
    ),
    row("Product ID", "Name", "Stock"),
    ...report.lowStockProducts.map((p) => row(p.productId, p.name, p.stock)),
  ];
  return lines.map((line) => `${line}\r\n`).join("");
}
