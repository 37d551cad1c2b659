import type { Auth } from "firebase-admin/auth";
import { functionUrl, requireEnv } from "./emulators";

/** Creates an Auth emulator user (optionally an admin) and signs in over REST for a real ID token. */
export async function idTokenFor(auth: Auth, uid: string, { admin = false } = {}): Promise<string> {
  const email = `${uid}@example.test`;
  const password = "password-123";
  await auth.createUser({ uid, email, password });
  if (admin) await auth.setCustomUserClaims(uid, { admin: true });
  const host = requireEnv("FIREBASE_AUTH_EMULATOR_HOST");
  const response = await fetch(
    `http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("idToken" in body) || typeof body.idToken !== "string") {
    throw new Error(`Sign-in failed: ${JSON.stringify(body)}`);
  }
  return body.idToken;
}

export interface CallResult {
  httpStatus: number;
  result?: unknown;
  error?: { status: string; message: string };
}

/** Calls an onCall function over HTTP with the callable protocol, as the web SDK does. */
export async function callFunction(name: string, data: unknown, idToken?: string): Promise<CallResult> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (idToken) headers.authorization = `Bearer ${idToken}`;
  const response = await fetch(await functionUrl(name), {
    method: "POST",
    headers,
    body: JSON.stringify({ data }),
  });
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null) throw new Error(`Callable ${name} answered ${String(body)}`);
  const result = "result" in body ? { result: body.result } : {};
  const error = "error" in body && isCallableError(body.error) ? { error: body.error } : {};
  return { httpStatus: response.status, ...result, ...error };
}

function isCallableError(value: unknown): value is { status: string; message: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    "status" in value &&
    typeof value.status === "string" &&
    "message" in value &&
    typeof value.message === "string"
  );
}
