import * as z from "zod";
import { centsSchema } from "../money";
import { currencySchema, idSchema } from "./common";
import { timeZoneSchema } from "./store-config";
import { timestampSchema } from "./timestamp";

/** A calendar day in the store's time zone, as the report's document id: yyyy-mm-dd. */
export const reportDateSchema = z.iso.date();
export type ReportDate = z.infer<typeof reportDateSchema>;

export const TOP_PRODUCTS_IN_REPORT = 10;
export const LOW_STOCK_PRODUCTS_IN_REPORT = 50;

/** A product's share of the day's paid orders, under the name it was sold with. */
export const topProductSchema = z.object({
  productId: idSchema,
  name: z.string(),
  quantity: z.int().min(0),
  revenueCents: centsSchema,
});
export type TopProduct = z.infer<typeof topProductSchema>;

export const lowStockProductSchema = z.object({
  productId: idSchema,
  name: z.string(),
  stock: z.int().min(0),
});
export type LowStockProduct = z.infer<typeof lowStockProductSchema>;

/**
 * Everything a daily report states, a function of the orders, refunds and products it read (see
 * functions/src/reports/daily-report.ts for what each figure counts). Money is in `currency`'s
 * minor units. The day is [startsAt, endsAt) as ISO instants; for "today so far" endsAt is the
 * moment the figures were taken.
 */
export const reportFiguresSchema = z.object({
  date: reportDateSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  orderCount: z.int().min(0),
  unitsSold: z.int().min(0),
  grossRevenueCents: centsSchema,
  refundCount: z.int().min(0),
  refundedCents: centsSchema,
  /** Gross revenue less refunds; negative on a day that refunded more than it sold. */
  netRevenueCents: z.int(),
  averageOrderValueCents: centsSchema,
  topProducts: z.array(topProductSchema).max(TOP_PRODUCTS_IN_REPORT),
  lowStockThreshold: z.int().min(0),
  /** Active products at or below the threshold when the report was generated (all of them). */
  lowStockCount: z.int().min(0),
  /** The first LOW_STOCK_PRODUCTS_IN_REPORT of them, lowest stock first. */
  lowStockProducts: z.array(lowStockProductSchema).max(LOW_STOCK_PRODUCTS_IN_REPORT),
  /** Orders paid that day in another currency than the store's: counted here, in no figure. */
  otherCurrencyOrderCount: z.int().min(0),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** reports/{yyyy-mm-dd}: the figures, and when they were last found different and written. */
export const reportSchema = reportFiguresSchema.extend({
  generatedAt: timestampSchema,
});
export type Report = z.infer<typeof reportSchema>;
