import type { User } from "firebase/auth";

/** What pages need of the signed-in account; the Firebase `User` stays inside lib/auth. */
export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
}

export type AuthState =
  { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; user: SessionUser };

const LOADING: AuthState = { status: "loading" };

let state: AuthState = LOADING;
let started = false;
const listeners = new Set<() => void>();

function toState(user: User | null): AuthState {
  if (!user) return { status: "signed-out" };
  const { uid, email, displayName, photoURL } = user;
  return { status: "signed-in", user: { uid, email, displayName, photoURL } };
}

/** Publishes the account as Firebase Auth holds it now (updateProfile does not notify listeners). */
export function publishUser(user: User | null): void {
  state = toState(user);
  for (const listener of listeners) listener();
}

// One Auth listener for the whole page, started by the first subscriber after hydration, so every
// island (header, pages) sees the same account at the same time.
function start(): void {
  if (started) return;
  started = true;
  void Promise.all([import("firebase/auth"), import("@/lib/firebase/client-auth")]).then(
    ([{ onAuthStateChanged }, { getClientAuth }]) => {
      onAuthStateChanged(getClientAuth(), publishUser);
    },
  );
}

export function subscribeAuth(listener: () => void): () => void {
  listeners.add(listener);
  start();
  return () => {
    listeners.delete(listener);
  };
}

export function authSnapshot(): AuthState {
  return state;
}

/** The server and the first client render know nobody: pages render their skeleton. */
export function serverAuthSnapshot(): AuthState {
  return LOADING;
}
