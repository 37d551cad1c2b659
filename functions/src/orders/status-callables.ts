import { onCall } from "firebase-functions/v2/https";
import { db } from "../admin";
import { parseInput } from "../admins/require-admin";
import { requireCurrentAdmin } from "../admins/require-current-admin";
import { updateOrderStatusAsAdmin } from "./admin-actions";
import { asHttps, jobInputSchema, options, statusInputSchema } from "./admin-call-inputs";
import { expireUnpaidOrders } from "./expire-unpaid";

// The admin order callables that never pay: apart from admin-callables.ts, they load no Stripe SDK.
export const adminUpdateOrderStatus = onCall(options, async (request) => {
  const adminUid = await requireCurrentAdmin(request);
  const input = parseInput(statusInputSchema, request.data);
  return asHttps(() => updateOrderStatusAsAdmin(db, input, adminUid));
});

export const runScheduledJobNow = onCall({ ...options, timeoutSeconds: 300 }, async (request) => {
  await requireCurrentAdmin(request);
  parseInput(jobInputSchema, request.data);
  const result = await expireUnpaidOrders(db, new Date());
  return { job: "expireUnpaidOrders", expired: result.expired.length, orderIds: result.expired };
});
