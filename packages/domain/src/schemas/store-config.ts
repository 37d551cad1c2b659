import { z } from "zod";
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
});
export type StoreConfig = z.infer<typeof storeConfigSchema>;
/** What may be stored: the limits may be left out and take their defaults. */
export type StoreConfigInput = z.input<typeof storeConfigSchema>;
