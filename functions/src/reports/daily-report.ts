import {
  addCents,
  LOW_STOCK_PRODUCTS_IN_REPORT,
  toMillis,
  TOP_PRODUCTS_IN_REPORT,
  type LowStockProduct,
  type Order,
  type ProductStatus,
  type RefundEntry,
  type ReportFigures,
  type TopProduct,
  dayWindow,
} from "@hearth/domain";

/** The order fields a report reads. */
export type ReportOrderFacts = Pick<Order, "paidAt" | "totalCents" | "currency" | "lines">;

export interface ReportOrder {
  id: string;
  order: ReportOrderFacts;
}

export interface ReportProduct {
  id: string;
  name: string;
  stock: number;
  status: ProductStatus;
}

export interface ReportOptions {
  /** yyyy-mm-dd in `timeZone`. */
  date: string;
  timeZone: string;
  /** The store's currency; orders in another are counted apart and in no figure. */
  currency: string;
  lowStockThreshold: number;
  /** Stop the day here (epoch ms): "today so far". The whole day when absent. */
  untilMs?: number;
}

/**
 * The daily sales report, from what the caller read; the same input gives the same figures.
 *
 * - The day runs from midnight to midnight on the wall clock of `timeZone` (23 or 25 hours on a
 *   DST change).
 * - orderCount: orders whose payment was received that day (`paidAt` in the day), whatever
 *   happened to them since: the sale was made that day, and a later refund is counted on the
 *   day it is recorded.
 * - unitsSold: the units on those orders' lines.
 * - grossRevenueCents: what the shoppers paid for those orders (`totalCents`: items plus shipping).
 * - refundCount, refundedCents: refunds recorded that day (refund entries whose `at` is in the
 *   day: admin refunds and cancels, and refunds made in the provider's dashboard), whichever day
 *   their order was paid.
 * - netRevenueCents: gross revenue less refunds; negative on a day that gave back more.
 * - averageOrderValueCents: gross revenue over orderCount, rounded half up; 0 without orders.
 * - topProducts: the day's orders' products by units, then line revenue (shipping excluded),
 *   then id; named as on the latest of those orders, as the shopper saw the name.
 * - lowStockProducts: active products at or below the threshold as read (the report's generation
 *   time, not the day's end: stock has no history), lowest stock first.
 */
export function computeDailyReport(
  orders: readonly ReportOrder[],
  refunds: readonly RefundEntry[],
  products: readonly ReportProduct[],
  options: ReportOptions,
): ReportFigures {
  const { date, timeZone, currency, lowStockThreshold } = options;
  const window = dayWindow(date, timeZone);
  const endMs = Math.min(window.endMs, options.untilMs ?? window.endMs);
  const inDay = (ms: number) => ms >= window.startMs && ms < endMs;

  const paidInDay = orders
    .map(({ id, order }) => ({ id, order, paidMs: order.paidAt ? toMillis(order.paidAt) : null }))
    .filter((entry): entry is { id: string; order: ReportOrderFacts; paidMs: number } =>
      entry.paidMs === null ? false : inDay(entry.paidMs),
    )
    .sort((a, b) => a.paidMs - b.paidMs || compareText(a.id, b.id));
  const sold = paidInDay.filter(({ order }) => order.currency === currency);
  const dayRefunds = refunds.filter((refund) => refund.currency === currency && inDay(toMillis(refund.at)));

  const grossRevenueCents = addCents(...sold.map(({ order }) => order.totalCents ?? 0));
  const refundedCents = addCents(...dayRefunds.map((refund) => refund.amountCents));
  const lines = sold.flatMap(({ order }) => order.lines ?? []);

  return {
    date,
    timeZone,
    currency,
    startsAt: new Date(window.startMs).toISOString(),
    endsAt: new Date(endMs).toISOString(),
    orderCount: sold.length,
    unitsSold: lines.reduce((units, line) => units + line.quantity, 0),
    grossRevenueCents,
    refundCount: dayRefunds.length,
    refundedCents,
    netRevenueCents: grossRevenueCents - refundedCents,
    averageOrderValueCents: sold.length === 0 ? 0 : Math.round(grossRevenueCents / sold.length),
    topProducts: topProducts(lines),
    lowStockThreshold,
    ...lowStock(products, lowStockThreshold),
    otherCurrencyOrderCount: paidInDay.length - sold.length,
  };
}

/** Plain code-unit order, the same on every machine (localeCompare depends on the ICU data). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `lines` in the order their orders were paid, so the last name seen is the latest. */
function topProducts(lines: readonly NonNullable<Order["lines"]>[number][]): TopProduct[] {
  const byProduct = new Map<string, TopProduct>();
  for (const line of lines) {
    const seen = byProduct.get(line.productId);
    byProduct.set(line.productId, {
      productId: line.productId,
      name: line.name,
      quantity: (seen?.quantity ?? 0) + line.quantity,
      revenueCents: addCents(seen?.revenueCents ?? 0, line.lineTotalCents),
    });
  }
  return [...byProduct.values()]
    .sort(
      (a, b) =>
        b.quantity - a.quantity || b.revenueCents - a.revenueCents || compareText(a.productId, b.productId),
    )
    .slice(0, TOP_PRODUCTS_IN_REPORT);
}

function lowStock(
  products: readonly ReportProduct[],
  threshold: number,
): { lowStockCount: number; lowStockProducts: LowStockProduct[] } {
  const low = products
    .filter((product) => product.status === "active" && product.stock <= threshold)
    .sort((a, b) => a.stock - b.stock || compareText(a.name, b.name) || compareText(a.id, b.id))
    .map(({ id, name, stock }) => ({ productId: id, name, stock }));
  return { lowStockCount: low.length, lowStockProducts: low.slice(0, LOW_STOCK_PRODUCTS_IN_REPORT) };
}
