import type { Auth } from "firebase-admin/auth";
import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import { auth } from "../admin-auth";
import { requireAdmin } from "./require-admin";

function isUserNotFound(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && error.code === "auth/user-not-found"
  );
}

/**
 * requireAdmin, then the account as Auth holds it now: an ID token stays valid for up to an hour
 * after its account was disabled or its claim revoked, and neither may still act as an admin.
 */
export async function requireCurrentAdmin(
  request: Pick<CallableRequest, "auth">,
  users: Pick<Auth, "getUser"> = auth,
): Promise<string> {
  const uid = requireAdmin(request);
  const user = await users.getUser(uid).catch((error: unknown) => {
    if (isUserNotFound(error)) return null;
    throw error;
  });
  if (!user || user.disabled) throw new HttpsError("unauthenticated", "This account is disabled or deleted");
  if (user.customClaims?.admin !== true) {
    throw new HttpsError(
      "permission-denied",
      "Your admin access has been revoked; sign out and sign in again",
    );
  }
  return uid;
}
