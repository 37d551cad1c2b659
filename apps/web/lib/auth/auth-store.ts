import type { User } from "firebase/auth";
import { hasPersistedAuthUser, hasSignInHint, setSignInHint, SIGN_IN_HINT_KEY } from "./auth-hint";

/** What pages need of the signed-in account; the Firebase `User` stays inside lib/auth. */
export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
  /** The `admin` custom claim of the current ID token: shows the way to /admin, grants nothing. */
  admin: boolean;
}

export type AuthState =
  { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; user: SessionUser };

const LOADING: AuthState = { status: "loading" };
const SIGNED_OUT: AuthState = { status: "signed-out" };

/** null until the browser first asks: then signed-out at once unless there is a sign-in hint. */
let state: AuthState | null = null;
let started = false;
let listening = false;
const listeners = new Set<() => void>();

function current(): AuthState {
  state ??= hasSignInHint() ? LOADING : SIGNED_OUT;
  return state;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function toState(user: User | null, admin: boolean): AuthState {
  if (!user) return SIGNED_OUT;
  const { uid, email, displayName, photoURL } = user;
  return { status: "signed-in", user: { uid, email, displayName, photoURL, admin } };
}

/**
 * Publishes the account as Firebase Auth holds it now (updateProfile does not notify listeners),
 * and keeps the sign-in hint (auth-hint.ts) in step with it.
 */
export function publishUser(user: User | null, admin = isAdminNow()): void {
  state = toState(user, user !== null && admin);
  setSignInHint(user !== null);
  if (user) listen();
  notify();
}

function isAdminNow(): boolean {
  const now = current();
  return now.status === "signed-in" && now.user.admin;
}

async function isAdmin(user: User | null): Promise<boolean> {
  if (!user) return false;
  try {
    return (await user.getIdTokenResult()).claims.admin === true;
  } catch {
    return false;
  }
}

/** Keeps the session cookie in step with the token: sign-in, hourly refresh, sign-out. */
async function mirrorToken(user: User | null): Promise<void> {
  const { writeSessionCookie } = await import("./session-cookie");
  try {
    writeSessionCookie(user ? await user.getIdToken() : null);
  } catch (error) {
    // Offline at refresh time: the server will ask the page to try again (AdminSessionGate).
    console.warn("Could not refresh the session cookie", error);
    writeSessionCookie(null);
  }
}

// One Auth listener for the whole page, so every island (header, pages) sees the same account at
// the same time. onIdTokenChanged also fires on the hourly token refresh, which the session cookie
// needs. It starts only where there may be an account: a sign-in hint, a sign-in on this page, or
// a session found later; a visitor who never signed in never downloads Firebase Auth.
function listen(): void {
  if (listening) return;
  listening = true;
  void Promise.all([import("firebase/auth"), import("@/lib/firebase/client-auth")]).then(
    ([{ onIdTokenChanged }, { getClientAuth }]) => {
      onIdTokenChanged(getClientAuth(), (user) => {
        void isAdmin(user).then((admin) => publishUser(user, admin));
        void mirrorToken(user);
      });
    },
    (error: unknown) => {
      listening = false;
      console.error("Could not load Firebase Auth", error);
    },
  );
}

/** There is evidence of an account after all: wait for Auth to say whose. */
function recognise(): void {
  if (listening) return;
  if (current().status === "signed-out") {
    state = LOADING;
    notify();
  }
  listen();
}

function onStorage(event: StorageEvent): void {
  // Signed in (or up) in another tab.
  if (event.key === SIGN_IN_HINT_KEY && event.newValue === "1") recognise();
}

function start(): void {
  if (started) return;
  started = true;
  window.addEventListener("storage", onStorage);
  if (current().status !== "signed-out") return listen();
  // No hint: signed out without Firebase. A session from before the hint existed is still
  // recognised, from Auth's own storage, without loading Auth when there is none.
  void hasPersistedAuthUser().then((found) => {
    if (found) recognise();
  });
}

/**
 * For auth-actions after a sign-in or sign-up: shows the account at once and writes the session
 * cookie before the caller navigates (the admin area's server reads it), then keeps both current.
 */
export async function adoptUser(user: User): Promise<void> {
  publishUser(user);
  await mirrorToken(user);
}

/** For auth-actions after signing out, whether or not the listener runs on this page. */
export async function dropUser(): Promise<void> {
  publishUser(null);
  await mirrorToken(null);
}

/** Writes the current account's token (or none) into the session cookie; true if signed in. */
export async function syncSessionCookie(): Promise<boolean> {
  const { getClientAuth } = await import("@/lib/firebase/client-auth");
  const auth = getClientAuth();
  await auth.authStateReady();
  await mirrorToken(auth.currentUser);
  if (auth.currentUser) recognise();
  return auth.currentUser !== null;
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  start();
  return () => {
    listeners.delete(listener);
  };
}

export function authSnapshot(): AuthState {
  return current();
}

/** The server and the hydrating render know nobody: pages render their skeleton. */
export function serverAuthSnapshot(): AuthState {
  return LOADING;
}
