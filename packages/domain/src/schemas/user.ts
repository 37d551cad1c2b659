import * as z from "zod";
import { MAX_LINE_QUANTITY } from "../order-state";
import { addressSchema } from "./address";
import { idSchema } from "./common";
import { timestampSchema } from "./timestamp";

export const userSchema = z.object({
  displayName: z.string().trim().max(80),
  email: z.email(),
  createdAt: timestampSchema,
  defaultAddress: addressSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

/** users/{uid}/cart/{productId}; the product id is the document id. */
export const cartItemSchema = z.object({
  quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
  addedAt: timestampSchema,
});
export type CartItem = z.infer<typeof cartItemSchema>;

export const notificationSchema = z.object({
  title: z.string().max(120),
  body: z.string().max(1000),
  orderId: idSchema.nullable(),
  read: z.boolean(),
  createdAt: timestampSchema,
});
export type Notification = z.infer<typeof notificationSchema>;
