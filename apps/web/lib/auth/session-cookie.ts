/**
 * The signed-in account's ID token, mirrored into a cookie so server components can render pages
 * that need to know who is asking (the admin area) through `initializeServerApp`, with the
 * security rules still applied. `__session` is the one cookie Firebase Hosting's CDN forwards.
 * The token itself expires after an hour; the Auth SDK refreshes it and we write it again.
 */
export const SESSION_COOKIE = "__session";

/** Matches the ID token's own lifetime, so the cookie never outlives what it carries. */
const MAX_AGE_SECONDS = 60 * 60;

export function writeSessionCookie(idToken: string | null): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie =
    idToken === null
      ? `${SESSION_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict${secure}`
      : `${SESSION_COOKIE}=${idToken}; Path=/; Max-Age=${MAX_AGE_SECONDS}; SameSite=Strict${secure}`;
}
