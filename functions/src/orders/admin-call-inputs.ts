// The admin order callables' inputs and shared options, apart from the callables themselves so
// that the ones that never pay (status-callables.ts) do not load the Stripe SDK.
import { HttpsError } from "firebase-functions/v2/https";
import { idSchema, MAX_CHARGE_CENTS, shipmentSchema } from "@hearth/domain";
import * as z from "zod";
import { REGION } from "../config";
import { OrderActionError, type StatusUpdate } from "./admin-actions";
import { isUsableDocumentId } from "./document-id";

// An id Firestore would refuse ("..", "a/b", "__x__") names no order; reading it would throw.
const orderIdSchema = z
  .string()
  .trim()
  .pipe(idSchema)
  .refine(isUsableDocumentId, { message: "Not an order id", when: (payload) => payload.issues.length === 0 });

export const cancelInputSchema = z.strictObject({
  orderId: orderIdSchema,
  reason: z.string().trim().max(500).optional(),
});
export const refundInputSchema = z.strictObject({
  orderId: orderIdSchema,
  /** In the order's currency's minor units; omitted means everything not refunded yet. */
  amountCents: z.int().min(1).max(MAX_CHARGE_CENTS).optional(),
  reason: z.string().trim().max(500).optional(),
});
/**
 * One object for both moves, so a bad request names every bad field at once; "shipped" needs the
 * carrier and tracking number the shopper will see, "delivered" takes neither.
 */
export const statusInputSchema = z
  .strictObject({
    orderId: orderIdSchema,
    event: z.enum(["shipped", "delivered"]),
    carrier: shipmentSchema.shape.carrier.optional(),
    trackingNumber: shipmentSchema.shape.trackingNumber.optional(),
  })
  .transform(({ orderId, event, carrier, trackingNumber }, ctx): StatusUpdate => {
    const refuse = (path: string, message: string): void =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (event === "delivered") {
      if (carrier !== undefined) refuse("carrier", "Only given when marking an order shipped");
      if (trackingNumber !== undefined) refuse("trackingNumber", "Only given when marking an order shipped");
      return carrier === undefined && trackingNumber === undefined ? { orderId, event } : z.NEVER;
    }
    if (carrier === undefined) refuse("carrier", "Required to mark an order shipped");
    if (trackingNumber === undefined) refuse("trackingNumber", "Required to mark an order shipped");
    return carrier !== undefined && trackingNumber !== undefined
      ? { orderId, event, shipment: { carrier, trackingNumber } }
      : z.NEVER;
  });
export const jobInputSchema = z.strictObject({ job: z.literal("expireUnpaidOrders") });

export const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

/** An order action's refusal answered as the HttpsError of the same canonical code. */
export async function asHttps<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrderActionError) throw new HttpsError(error.code, error.message);
    throw error;
  }
}
