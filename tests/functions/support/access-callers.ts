// Callers of the access tests, each with a real ID token from the Auth emulator (REST, as the web
// SDK signs in and refreshes). The Functions emulator decodes tokens without checking signatures,
// so a forged token cannot be told from a real one there; these callers are what it can tell.
import type { Auth } from "firebase-admin/auth";
import { requireEnv } from "./emulators";

const PASSWORD = "password-123";

async function identityToolkit(
  path: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const host = requireEnv("FIREBASE_AUTH_EMULATOR_HOST");
  const response = await fetch(`http://${host}/${path}?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (typeof json !== "object" || json === null) throw new Error(`${path} answered ${String(json)}`);
  return { httpStatus: response.status, ...json };
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== "string") throw new Error(`No ${key} in ${JSON.stringify(body)}`);
  return value;
}

export interface Session {
  uid: string;
  email: string;
  idToken: string;
  refreshToken: string;
}

export async function signIn(uid: string): Promise<Session> {
  const email = `${uid}@example.test`;
  const body = await identityToolkit("identitytoolkit.googleapis.com/v1/accounts:signInWithPassword", {
    email,
    password: PASSWORD,
    returnSecureToken: true,
  });
  return { uid, email, idToken: text(body, "idToken"), refreshToken: text(body, "refreshToken") };
}

/** What getIdToken(true) does: a new ID token carrying the account's claims as they are now. */
export async function refreshed(session: Session): Promise<string> {
  const body = await identityToolkit("securetoken.googleapis.com/v1/token", {
    grant_type: "refresh_token",
    refresh_token: session.refreshToken,
  });
  return text(body, "id_token");
}

/** A client's own attempt to set claims on its account through the Auth REST API. */
export function setOwnClaims(session: Session, claims: Record<string, unknown>) {
  return identityToolkit("identitytoolkit.googleapis.com/v1/accounts:update", {
    idToken: session.idToken,
    customAttributes: JSON.stringify(claims),
  });
}

export async function createAccount(
  auth: Auth,
  uid: string,
  claims?: Record<string, unknown>,
): Promise<Session> {
  await auth.createUser({ uid, email: `${uid}@example.test`, password: PASSWORD });
  if (claims) await auth.setCustomUserClaims(uid, claims);
  return signIn(uid);
}

export interface Caller {
  name: string;
  /** undefined: no Authorization header. */
  token: string | undefined;
  /** The canonical codes that count as a refusal for this caller. */
  refusedWith: readonly string[];
}

const DENIED = ["PERMISSION_DENIED"] as const;

/**
 * Everyone who must not get through an admin callable. Accounts are made in `auth`; the admins'
 * tokens are taken while they are admins, then the account changes under them.
 */
export async function refusedCallers(auth: Auth): Promise<Caller[]> {
  const shopper = await createAccount(auth, "access-shopper");
  const claimString = await createAccount(auth, "access-claim-string", { admin: "true" });
  const claimFalse = await createAccount(auth, "access-claim-false", { admin: false, tier: "gold" });
  const revoked = await createAccount(auth, "access-revoked", { admin: true });
  const stale = await createAccount(auth, "access-stale", { admin: true });
  const disabled = await createAccount(auth, "access-disabled", { admin: true });
  await auth.setCustomUserClaims(revoked.uid, null);
  await auth.setCustomUserClaims(stale.uid, null);
  await auth.updateUser(disabled.uid, { disabled: true });
  return [
    { name: "a signed-out caller", token: undefined, refusedWith: ["UNAUTHENTICATED"] },
    { name: "a bearer that is not a token", token: "not-a-jwt", refusedWith: ["UNAUTHENTICATED", ...DENIED] },
    { name: "a shopper", token: shopper.idToken, refusedWith: DENIED },
    { name: 'a shopper whose claim is admin: "true"', token: claimString.idToken, refusedWith: DENIED },
    { name: "a shopper whose claim is admin: false", token: claimFalse.idToken, refusedWith: DENIED },
    { name: "a revoked admin with a refreshed token", token: await refreshed(revoked), refusedWith: DENIED },
    {
      name: "a revoked admin whose old token still says admin",
      token: stale.idToken,
      refusedWith: ["UNAUTHENTICATED", ...DENIED],
    },
    {
      name: "a disabled admin whose old token still says admin",
      token: disabled.idToken,
      refusedWith: ["UNAUTHENTICATED", ...DENIED],
    },
  ];
}
