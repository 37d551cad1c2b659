"use client";

import { useEffect, useRef } from "react";
import { useUser } from "@/lib/auth/use-user";

async function mergeIfAny(uid: string): Promise<void> {
  const { readGuestCart } = await import("@/lib/cart/guest-cart");
  if (readGuestCart().length === 0) return;
  const { mergeGuestCart } = await import("@/lib/cart/merge-guest-cart");
  await mergeGuestCart(uid);
}

/**
 * Merges the guest cart into the account's cart once per sign-in, whichever page the shopper signs
 * in or up on. Rendered once, in the root layout; it draws nothing.
 */
export function CartSync() {
  const auth = useUser();
  const merged = useRef<string | null>(null);
  const uid = auth.status === "signed-in" ? auth.user.uid : null;

  useEffect(() => {
    if (!uid) {
      merged.current = null;
      return;
    }
    if (merged.current === uid) return;
    merged.current = uid;
    void mergeIfAny(uid).catch((error: unknown) =>
      console.error("Could not move the guest cart into the account", error),
    );
  }, [uid]);

  return null;
}
