import { z } from "zod";
import { centsSchema } from "../money";
import { currencySchema, idSchema } from "./common";
import { timestampSchema } from "./timestamp";

export const reportDateSchema = z.iso.date();

export const topProductSchema = z.object({
  productId: idSchema,
  name: z.string(),
  quantity: z.int().min(0),
  revenueCents: centsSchema,
});
export type TopProduct = z.infer<typeof topProductSchema>;

/** reports/{yyyy-mm-dd}: daily sales roll-up. */
export const reportSchema = z.object({
  date: reportDateSchema,
  orderCount: z.int().min(0),
  revenueCents: centsSchema,
  currency: currencySchema,
  itemsSold: z.int().min(0),
  topProducts: z.array(topProductSchema),
  generatedAt: timestampSchema,
});
export type Report = z.infer<typeof reportSchema>;
