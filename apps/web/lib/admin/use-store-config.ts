"use client";

import type { StoreConfig } from "@hearth/domain";
import { useEffect, useState } from "react";

export type StoreConfigState =
  { status: "loading" } | { status: "ready"; config: StoreConfig | null } | { status: "error" };

/** config/store, live: the back office formats money and flags low stock with the current settings. */
export function useStoreConfig(): StoreConfigState {
  const [state, setState] = useState<StoreConfigState>({ status: "loading" });
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void Promise.all([import("./store-settings"), import("@/lib/firebase/client-firestore")]).then(
      ([{ watchStoreConfig }, { getClientFirestore }]) => {
        if (cancelled) return;
        unsubscribe = watchStoreConfig(
          getClientFirestore(),
          (config) => setState({ status: "ready", config }),
          (error) => {
            console.error("Could not read the store settings", error);
            setState({ status: "error" });
          },
        );
      },
    );
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);
  return state;
}
