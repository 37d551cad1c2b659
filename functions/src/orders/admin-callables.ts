import { HttpsError, onCall, type CallableRequest } from "firebase-functions/v2/https";
import { MAX_CHARGE_CENTS } from "@hearth/domain";
import { z } from "zod";
import { db } from "../admin";
import { REGION, stripeSecretKey } from "../config";
import { providerFromConfig } from "../payments/select-provider";
import {
  cancelOrderAsAdmin,
  OrderActionError,
  refundOrderAsAdmin,
  updateOrderStatusAsAdmin,
} from "./admin-actions";
import { describeIssues } from "./describe-issues";
import { expireUnpaidOrders } from "./expire-unpaid";

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
export const statusInputSchema = z.strictObject({
  orderId: orderIdSchema,
  event: z.enum(["shipped", "delivered"]),
});
export const jobInputSchema = z.strictObject({ job: z.literal("expireUnpaidOrders") });

const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

/** Returns the admin's uid, or throws the canonical error a callable client understands. */
export function requireAdmin(request: Pick<CallableRequest, "auth">): string {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in to manage orders");
  if (request.auth.token.admin !== true)
    throw new HttpsError("permission-denied", "Only admins can manage orders");
  return request.auth.uid;
}

export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new HttpsError("invalid-argument", describeIssues(parsed.error));
  return parsed.data;
}

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
