import { onCall } from "firebase-functions/v2/https";
import * as z from "zod";
import { db } from "../admin";
import { auth } from "../admin-auth";
import { REGION } from "../config";
import { listAdmins, setAdmin } from "./admin-registry";
import { asHttps } from "./as-https";
import { parseInput } from "./require-admin";
import { requireCurrentAdmin } from "./require-current-admin";

const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

// Auth compares emails without regard to case.
export const setAdminInputSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  admin: z.boolean(),
});
// The web SDK sends null for a call without data.
export const listAdminsInputSchema = z.strictObject({}).nullish();

/** Grants ({admin: true}) or revokes ({admin: false}) another account's admin claim by email. */
export const adminSetAdmin = onCall(options, async (request) => {
  const callerUid = await requireCurrentAdmin(request);
  const input = parseInput(setAdminInputSchema, request.data);
  return asHttps(() => setAdmin(db, auth, input, callerUid));
});

export const adminListAdmins = onCall(options, async (request) => {
  const callerUid = await requireCurrentAdmin(request);
  parseInput(listAdminsInputSchema, request.data);
  return asHttps(async () => ({ admins: await listAdmins(db, auth, callerUid) }));
});
