import * as z from "zod";
import { centsSchema } from "../money";
import { currencySchema, idSchema } from "./common";
import { timestampSchema } from "./timestamp";

export const REFUNDS = "refunds";

/**
 * refunds/{orderId}_{refundedCents}: one entry each time an order's `payment.refundedCents` grows,
 * whoever recorded it (an admin's refund or cancel, a refund seen from the provider's dashboard).
 * The running total is part of the id, and it only grows, so an entry is written once.
 */
export const refundEntrySchema = z.object({
  orderId: idSchema,
  /** What this refund added: the growth of the order's running total. */
  amountCents: centsSchema.min(1),
  /** The order's running total after it. */
  refundedCents: centsSchema.min(1),
  currency: currencySchema,
  /** When the order recorded it. */
  at: timestampSchema,
});
export type RefundEntry = z.infer<typeof refundEntrySchema>;

export function refundEntryId(orderId: string, refundedCents: number): string {
  return `${orderId}_${refundedCents}`;
}
