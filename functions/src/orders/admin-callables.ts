import { onCall } from "firebase-functions/v2/https";
import { db } from "../admin";
import { parseInput } from "../admins/require-admin";
import { requireCurrentAdmin } from "../admins/require-current-admin";
import { stripeSecretKey } from "../config";
import { providerFromConfig } from "../payments/select-provider";
import { cancelOrderAsAdmin, refundOrderAsAdmin } from "./admin-actions";
import { asHttps, cancelInputSchema, options, refundInputSchema } from "./admin-call-inputs";

// The admin order callables that may move money (a cancel refunds a paid order).
export const adminCancelOrder = onCall({ ...options, secrets: [stripeSecretKey] }, async (request) => {
  const adminUid = await requireCurrentAdmin(request);
  const input = parseInput(cancelInputSchema, request.data);
  return asHttps(() => cancelOrderAsAdmin(db, providerFromConfig(), input, adminUid));
});

export const adminRefundOrder = onCall({ ...options, secrets: [stripeSecretKey] }, async (request) => {
  const adminUid = await requireCurrentAdmin(request);
  const input = parseInput(refundInputSchema, request.data);
  return asHttps(() => refundOrderAsAdmin(db, providerFromConfig(), input, adminUid));
});
