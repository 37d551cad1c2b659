import * as z from "zod";
import { MAX_LINE_QUANTITY } from "../order-state";
import { currencySchema } from "./common";

export const shippingConfigSchema = z.object({
  flatCents: z.int().min(0),
  /** null means shipping is never free. */
  freeOverCents: z.int().min(0).nullable(),
});
export type ShippingConfig = z.infer<typeof shippingConfigSchema>;

export const DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT = 3;
export const MAX_OPEN_ORDERS_PER_ACCOUNT = 100;
export const DEFAULT_MAX_UNITS_PER_PRODUCT = 10;
export const DEFAULT_TIME_ZONE = "UTC";

/**
 * The shape of an IANA time zone name ("UTC", "Europe/Paris", "America/Argentina/Buenos_Aires",
 * "Etc/GMT+5"); firestore.rules checks the same pattern. Whether the name is a zone the runtime
 * knows is not part of the schema: that depends on the runtime's ICU data, and a config document
 * every part of the store parses must not turn invalid with a Node or browser upgrade. Forms check
 * `isTimeZone` before saving; the daily report refuses, in a sentence, a zone it cannot use.
 */
export const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;
export const MAX_TIME_ZONE_LENGTH = 64;

/** True when this runtime's Intl knows the zone (aliases such as "US/Eastern" included). */
export function isTimeZone(name: string): boolean {
  if (!TIME_ZONE_PATTERN.test(name) || name.length > MAX_TIME_ZONE_LENGTH) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(MAX_TIME_ZONE_LENGTH)
  .regex(TIME_ZONE_PATTERN, 'Time zone must be an IANA name such as "Europe/Paris" or "UTC"');

export const storeConfigSchema = z.object({
  storeName: z.string().trim().min(1).max(80),
  currency: currencySchema,
  shipping: shippingConfigSchema,
  lowStockThreshold: z.int().min(0),
  /**
   * Orders one account may have holding stock or waiting on a payment at once (awaiting_payment,
   * payment_processing); onOrderCreated rejects the next one. Absent in older documents.
   */
  maxOpenOrdersPerAccount: z
    .int()
    .min(1)
    .max(MAX_OPEN_ORDERS_PER_ACCOUNT)
    .default(DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT),
  /** Units of one product in one order; firestore.rules reads it too (same default). */
  maxUnitsPerProduct: z.int().min(1).max(MAX_LINE_QUANTITY).default(DEFAULT_MAX_UNITS_PER_PRODUCT),
  /**
   * The store's day: the daily sales report covers midnight to midnight here and runs at 00:05
   * here. Absent in older documents, which keep their reports in UTC.
   */
  timeZone: timeZoneSchema.default(DEFAULT_TIME_ZONE),
});
export type StoreConfig = z.infer<typeof storeConfigSchema>;
/** What may be stored: the limits and the time zone may be left out and take their defaults. */
export type StoreConfigInput = z.input<typeof storeConfigSchema>;
