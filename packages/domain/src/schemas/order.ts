import { z } from "zod";
import { centsSchema } from "../money";
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, orderEventSchema, orderStatusSchema } from "../order-state";
import { addressSchema } from "./address";
import { currencySchema, idSchema } from "./common";
import { timestampSchema } from "./timestamp";

export const orderItemSchema = z.strictObject({
  productId: idSchema,
  quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderItemsSchema = z
  .array(orderItemSchema)
  .min(1, "An order needs at least one item")
  .max(MAX_ORDER_LINES, `An order can have at most ${MAX_ORDER_LINES} lines`)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.productId)) {
        ctx.addIssue({
          code: "custom",
          message: `Product "${item.productId}" appears more than once; combine it into one line`,
          path: [index, "productId"],
        });
      }
      seen.add(item.productId);
    });
  });

const orderCreateShape = {
  uid: idSchema,
  items: orderItemsSchema,
  shippingAddress: addressSchema,
  createdAt: timestampSchema,
};

/** Exactly what a shopper may write when placing an order. */
export const orderCreateSchema = z.strictObject({
  ...orderCreateShape,
  status: z.literal("pending"),
});
export type OrderCreate = z.infer<typeof orderCreateSchema>;

export const orderLineSchema = z.object({
  productId: idSchema,
  name: z.string(),
  unitPriceCents: centsSchema,
  quantity: z.int().min(1).max(MAX_LINE_QUANTITY),
  lineTotalCents: centsSchema,
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const paymentSchema = z.object({
  provider: z.string().min(1),
  sessionId: z.string().optional(),
  checkoutUrl: z.string().optional(),
  paymentIntentId: z.string().optional(),
  refundId: z.string().optional(),
  status: z.string().optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** The full order document: the shopper's fields plus what functions add as it moves along. */
export const orderSchema = z.object({
  ...orderCreateShape,
  status: orderStatusSchema,
  lines: z.array(orderLineSchema).optional(),
  subtotalCents: centsSchema.optional(),
  shippingCents: centsSchema.optional(),
  totalCents: centsSchema.optional(),
  currency: currencySchema.optional(),
  payment: paymentSchema.optional(),
  rejectionReason: z.string().optional(),
  expiresAt: timestampSchema.optional(),
  pricedAt: timestampSchema.optional(),
  paidAt: timestampSchema.optional(),
  shippedAt: timestampSchema.optional(),
  deliveredAt: timestampSchema.optional(),
  cancelledAt: timestampSchema.optional(),
  refundedAt: timestampSchema.optional(),
  rejectedAt: timestampSchema.optional(),
  expiredAt: timestampSchema.optional(),
  failedAt: timestampSchema.optional(),
  /** Set by functions in the transaction that gives reserved stock back, so it happens once. */
  stockReleasedAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const actorTypes = ["user", "admin", "system", "provider"] as const;
export const actorSchema = z.object({
  type: z.enum(actorTypes),
  id: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;

/** orders/{orderId}/events/{eventId}: the audit trail of status changes. */
export const orderEventRecordSchema = z.object({
  from: orderStatusSchema.nullable(),
  to: orderStatusSchema,
  event: orderEventSchema,
  actor: actorSchema,
  at: timestampSchema,
  note: z.string().max(1000).optional(),
});
export type OrderEventRecord = z.infer<typeof orderEventRecordSchema>;
