import { HttpsError, onCall } from "firebase-functions/v2/https";
import { MAX_CHARGE_CENTS, shipmentSchema } from "@hearth/domain";
import { z } from "zod";
import { db } from "../admin";
import { parseInput, requireAdmin } from "../admins/require-admin";
import { REGION, stripeSecretKey } from "../config";
import { providerFromConfig } from "../payments/select-provider";
import {
  cancelOrderAsAdmin,
  OrderActionError,
  refundOrderAsAdmin,
  updateOrderStatusAsAdmin,
  type StatusUpdate,
} from "./admin-actions";
import { expireUnpaidOrders } from "./expire-unpaid";

export { parseInput, requireAdmin } from "../admins/require-admin";

const orderIdSchema = z.string().trim().min(1).max(128);

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

const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

async function asHttps<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OrderActionError) throw new HttpsError(error.code, error.message);
    throw error;
  }
}

export const adminCancelOrder = onCall({ ...options, secrets: [stripeSecretKey] }, async (request) => {
  const adminUid = requireAdmin(request);
  const input = parseInput(cancelInputSchema, request.data);
  return asHttps(() => cancelOrderAsAdmin(db, providerFromConfig(), input, adminUid));
});

export const adminRefundOrder = onCall({ ...options, secrets: [stripeSecretKey] }, async (request) => {
  const adminUid = requireAdmin(request);
  const input = parseInput(refundInputSchema, request.data);
  return asHttps(() => refundOrderAsAdmin(db, providerFromConfig(), input, adminUid));
});

export const adminUpdateOrderStatus = onCall(options, async (request) => {
  const adminUid = requireAdmin(request);
  const input = parseInput(statusInputSchema, request.data);
  return asHttps(() => updateOrderStatusAsAdmin(db, input, adminUid));
});

export const runScheduledJobNow = onCall({ ...options, timeoutSeconds: 300 }, async (request) => {
  requireAdmin(request);
  parseInput(jobInputSchema, request.data);
  const result = await expireUnpaidOrders(db, new Date());
  return { job: "expireUnpaidOrders", expired: result.expired.length, orderIds: result.expired };
});
