import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod";
import { describeIssues } from "../orders/describe-issues";

/**
 * Returns the admin's uid, or throws the canonical error a callable client understands. The
 * claim is read from the caller's ID token, as firestore.rules read it.
 */
export function requireAdmin(request: Pick<CallableRequest, "auth">): string {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in with an admin account to do this");
  if (request.auth.token.admin !== true)
    throw new HttpsError("permission-denied", "Only admins can do this; your account is not an admin");
  return request.auth.uid;
}

export function parseInput<T>(schema: z.ZodType<T>, data: unknown): T {
  // zod words a field left out as "expected string, received undefined"; the caller reads "Required".
  const parsed = schema.safeParse(data, {
    error: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "Required" : undefined),
  });
  if (!parsed.success) throw new HttpsError("invalid-argument", describeIssues(parsed.error));
  return parsed.data;
}
