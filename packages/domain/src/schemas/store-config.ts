import { z } from "zod";
import { currencySchema } from "./common";

export const shippingConfigSchema = z.object({
  flatCents: z.int().min(0),
  /** null means shipping is never free. */
  freeOverCents: z.int().min(0).nullable(),
});
export type ShippingConfig = z.infer<typeof shippingConfigSchema>;

export const storeConfigSchema = z.object({
  storeName: z.string().trim().min(1).max(80),
  currency: currencySchema,
  shipping: shippingConfigSchema,
  lowStockThreshold: z.int().min(0),
});
export type StoreConfig = z.infer<typeof storeConfigSchema>;
