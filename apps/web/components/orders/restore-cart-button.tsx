"use client";

import type { OrderItem } from "@hearth/domain";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./orders.module.css";

/**
 * For an order that ended unpaid: puts its items back into the shopper's cart (checkout emptied it),
 * capped by what is in stock now, and opens the cart.
 */
export function RestoreCartButton({ uid, items }: { uid: string; items: readonly OrderItem[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function restore() {
    setBusy(true);
    setError("");
    try {
      const { addToAccountCart } = await import("@/lib/cart/add-to-account-cart");
      const added = await addToAccountCart(uid, items);
      if (added === 0) {
        setError("None of these items is in stock any more.");
        setBusy(false);
        return;
      }
      router.push("/cart");
    } catch (failure) {
      console.error("Could not restore the cart", failure);
      setError("The items could not be put back in your cart. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={restore} disabled={busy}>
        {busy ? "Adding to your cart…" : "Put the items back in your cart"}
      </button>
      {error ? (
        <p role="alert" className={styles.muted}>
          {error}
        </p>
      ) : null}
    </>
  );
}
