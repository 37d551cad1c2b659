"use client";

import { useEffect, useState } from "react";

/** What pages need of the signed-in account; the Firebase `User` stays inside lib/auth. */
export interface SessionUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
}

export type AuthState =
  { status: "loading" } | { status: "signed-out" } | { status: "signed-in"; user: SessionUser };

/**
 * The current account, live. Firebase Auth is imported only after hydration, so pages that do not
 * need it at first paint do not ship it in their first-load JavaScript.
 */
export function useUser(): AuthState {
  const [state, setState] = useState<AuthState>({ status: "loading" });
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void Promise.all([import("firebase/auth"), import("@/lib/firebase/client-auth")]).then(
      ([{ onAuthStateChanged }, { getClientAuth }]) => {
        if (cancelled) return;
        unsubscribe = onAuthStateChanged(getClientAuth(), (user) => {
          setState(
            user
              ? {
                  status: "signed-in",
                  user: {
                    uid: user.uid,
                    email: user.email,
                    displayName: user.displayName,
                    photoURL: user.photoURL,
                  },
                }
              : { status: "signed-out" },
          );
        });
      },
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  return state;
}
