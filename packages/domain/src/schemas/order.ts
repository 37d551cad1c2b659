import * as z from "zod";
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

/** A refund recorded before the provider is called, so a retry finishes it with the same key. */
export const pendingRefundSchema = z.object({
  /** The provider's idempotency key: the order id and the attempt number. */
  key: z.string().min(1),
  amountCents: centsSchema.min(1),
  /** What the order becomes once the money is back: a paid order cancelled, or refunded in full. */
  then: z.enum(["cancelled", "refunded", "partial"]),
  /** `payment.refundedCents` when this refund began; the order then counts at least this plus it. */
  refundedBefore: centsSchema,
  requestedBy: z.string().min(1),
  reason: z.string().max(500).optional(),
});
export type PendingRefund = z.infer<typeof pendingRefundSchema>;

export const paymentSchema = z.object({
  provider: z.string().min(1),
  sessionId: z.string().optional(),
  checkoutUrl: z.string().optional(),
  paymentIntentId: z.string().optional(),
  refundId: z.string().optional(),
  status: z.string().optional(),
  /** Declined attempts on the checkout page; the session stays open for another try. */
  failedAttempts: z.int().min(0).optional(),
  lastError: z.string().max(500).optional(),
  /** Money given back so far, by an admin or in the provider's dashboard. */
  refundedCents: centsSchema.optional(),
  refundAttempts: z.int().min(0).optional(),
  pendingRefund: pendingRefundSchema.optional(),
  /** Why a payment event could not be matched to this order (amount, currency, session). */
  mismatch: z.string().max(1000).optional(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const MAX_CARRIER_LENGTH = 60;
export const MAX_TRACKING_NUMBER_LENGTH = 64;

/** Text a shopper reads in the app and in a mail: trimmed, one line, no control characters. */
const shipmentText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, "Must be one line without control characters");

/** How a shipped order travels; an admin gives both when marking it shipped. */
export const shipmentSchema = z.object({
  carrier: shipmentText(MAX_CARRIER_LENGTH),
  trackingNumber: shipmentText(MAX_TRACKING_NUMBER_LENGTH),
});
export type Shipment = z.infer<typeof shipmentSchema>;

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
  /** Set with the move to `shipped` (the time is `shippedAt`); the shopper sees both. */
  shipment: shipmentSchema.optional(),
  rejectionReason: z.string().optional(),
  /** Why payment could not go ahead, in words the shopper can read. */
  failureReason: z.string().optional(),
  /** The shopper's email as read when the order was priced; the checkout session uses it. */
  customerEmail: z.string().nullable().optional(),
  expiresAt: timestampSchema.optional(),
  pricedAt: timestampSchema.optional(),
  processingAt: timestampSchema.optional(),
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

/** Timeline entries that record something about the order without moving it (from === to). */
export const orderNoteKinds = ["payment_attempt_failed", "payment_mismatch", "refund_recorded"] as const;
export const orderNoteKindSchema = z.enum(orderNoteKinds);
export type OrderNoteKind = z.infer<typeof orderNoteKindSchema>;

/** orders/{orderId}/events/{eventId}: the audit trail of status changes and payment notes. */
export const orderEventRecordSchema = z.object({
  from: orderStatusSchema.nullable(),
  to: orderStatusSchema,
  event: orderEventSchema,
  kind: orderNoteKindSchema.optional(),
  actor: actorSchema,
  at: timestampSchema,
  note: z.string().max(1000).optional(),
});
export type OrderEventRecord = z.infer<typeof orderEventRecordSchema>;
