"use client";

import { useSyncExternalStore } from "react";
import { authSnapshot, serverAuthSnapshot, subscribeAuth, type AuthState } from "./auth-store";

export type { AuthState, SessionUser } from "./auth-store";

/**
 * The current account, live. Firebase Auth is imported only after hydration, so pages that do not
 * need it at first paint do not ship it in their first-load JavaScript.
 */
export function useUser(): AuthState {
  return useSyncExternalStore(subscribeAuth, authSnapshot, serverAuthSnapshot);
}
