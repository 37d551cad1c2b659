"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useUser } from "@/lib/auth/use-user";
import type { CartLine } from "./cart-line";

export type CartOwner = { kind: "guest" } | { kind: "account"; uid: string };

export type CartState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; owner: CartOwner; lines: readonly CartLine[] };

export interface Cart {
  state: CartState;
  /** Sets a product's quantity; below 1 removes the line. */
  setQuantity: (productId: string, quantity: number) => Promise<void>;
  remove: (productId: string) => Promise<void>;
}

/**
 * The shopper's cart, live: the account's users/{uid}/cart when signed in, else this browser's guest
 * cart. Its modules (and Firestore) load after hydration, so pages keep them out of first-load JS.
 */
export function useCart(): Cart {
  const auth = useUser();
  const uid = auth.status === "signed-in" ? auth.user.uid : null;
  const [state, setState] = useState<CartState>({ status: "loading" });
  const lines = useRef<readonly CartLine[]>([]);

  useEffect(() => {
    if (auth.status === "loading") return;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    const show = (owner: CartOwner) => (next: CartLine[]) => {
      lines.current = next;
      setState({ status: "ready", owner, lines: next });
    };
    const fail = (error: Error) => {
      console.error("Could not load the cart", error);
      setState({
        status: "error",
        message: "We could not load your cart. Check your connection and reload.",
      });
    };
    if (uid) {
      void import("./account-cart").then(({ watchAccountCart }) => {
        if (!cancelled) unsubscribe = watchAccountCart(uid, show({ kind: "account", uid }), fail);
      }, fail);
    } else {
      void import("./guest-cart").then(({ watchGuestCart }) => {
        if (!cancelled) unsubscribe = watchGuestCart(show({ kind: "guest" }));
      }, fail);
    }
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [auth.status, uid]);

  const setQuantity = useCallback(
    async (productId: string, quantity: number) => {
      if (uid) {
        const { removeAccountLines, setAccountQuantity } = await import("./account-cart");
        if (quantity < 1) return removeAccountLines(uid, [productId]);
        const existing = lines.current.find((line) => line.productId === productId);
        return setAccountQuantity(uid, productId, quantity, existing?.addedAt ?? null);
      }
      const { setGuestQuantity } = await import("./guest-cart");
      setGuestQuantity(productId, quantity);
    },
    [uid],
  );

  const remove = useCallback((productId: string) => setQuantity(productId, 0), [setQuantity]);

  return { state, setQuantity, remove };
}
