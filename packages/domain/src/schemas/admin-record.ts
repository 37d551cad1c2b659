import * as z from "zod";
import { timestampSchema } from "./timestamp";

export const ADMINS = "admins";

/**
 * How an admin got into the registry: granted through the adminSetAdmin callable, by
 * `npm run make-admin`, or found holding the claim already (the seed, an older make-admin) when
 * they used an admin-management callable.
 */
export const adminSources = ["callable", "make-admin", "existing-claim"] as const;

/**
 * admins/{uid}: who holds the `admin` custom claim. The claim grants access; this registry lets
 * the last admin be counted in a transaction and lets the back office list admins.
 */
export const adminRecordSchema = z.object({
  email: z.string().nullable(),
  grantedAt: timestampSchema,
  /** The granting admin's uid; null for make-admin and existing claims. */
  grantedBy: z.string().nullable(),
  source: z.enum(adminSources),
});
export type AdminRecord = z.infer<typeof adminRecordSchema>;
