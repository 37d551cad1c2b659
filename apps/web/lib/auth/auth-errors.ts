const MESSAGES: Record<string, string> = {
  "auth/invalid-credential": "That email and password do not match. Check them and try again.",
  "auth/invalid-login-credentials": "That email and password do not match. Check them and try again.",
  "auth/wrong-password": "That email and password do not match. Check them and try again.",
  "auth/user-not-found": "That email and password do not match. Check them and try again.",
  "auth/email-already-in-use":
    "An account with this email already exists. Sign in instead, or reset your password.",
  "auth/credential-already-in-use": "That account is already linked to another sign-in.",
  "auth/account-exists-with-different-credential":
    "An account with this email already exists. Sign in with your password first.",
  "auth/weak-password": "That password is too weak. Use at least 6 characters.",
  "auth/password-does-not-meet-requirements": "That password is too weak. Use a longer password.",
  "auth/missing-password": "Enter your password.",
  "auth/invalid-email": "Enter a valid email address, like name@example.com.",
  "auth/missing-email": "Enter your email address.",
  "auth/too-many-requests":
    "Too many attempts. Wait a few minutes before trying again, or reset your password.",
  "auth/user-disabled": "This account has been disabled. Contact the store for help.",
  "auth/popup-closed-by-user": "The Google window was closed before you finished signing in.",
  "auth/cancelled-popup-request": "The Google window was closed before you finished signing in.",
  "auth/popup-blocked": "Your browser blocked the Google window. Allow pop-ups for this site and try again.",
  "auth/network-request-failed":
    "We could not reach the sign-in service. Check your connection and try again.",
  "auth/expired-action-code": "This reset link has expired. Ask for a new one below.",
  "auth/invalid-action-code":
    "This reset link is not valid any more (it may have been used). Ask for a new one below.",
  "auth/requires-recent-login": "For your security, sign in again and retry.",
};

const FALLBACK = "Something went wrong. Please try again.";

function codeOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("code" in error)) return null;
  return typeof error.code === "string" ? error.code : null;
}

/** A sentence a shopper can act on, for any error Firebase Auth throws. */
export function authErrorMessage(error: unknown): string {
  const code = codeOf(error);
  if (code && code in MESSAGES) return MESSAGES[code] ?? FALLBACK;
  console.error(error);
  return FALLBACK;
}
