"use client";

import { useSyncExternalStore } from "react";
import { authSnapshot, serverAuthSnapshot, subscribeAuth, type AuthState } from "./auth-store";

export type { AuthState, SessionUser } from "./auth-store";

/**
 * The current account, live. The server and the hydrating render say "loading"; right after
 * hydration a browser with no sign-in hint (auth-hint.ts) says "signed-out" without ever loading
 * Firebase Auth, and one with a hint loads Auth and says who is signed in.
 */
export function useUser(): AuthState {
  return useSyncExternalStore(subscribeAuth, authSnapshot, serverAuthSnapshot);
}
