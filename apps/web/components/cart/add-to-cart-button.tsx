"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { DEFAULT_UNITS_PER_PRODUCT, quantityCap } from "@/lib/cart/cart-line";
import { useCart } from "@/lib/cart/use-cart";
import styles from "./add-to-cart-button.module.css";

export interface AddToCartButtonProps {
  productId: string;
  productName: string;
  stock: number;
  /** config/store.maxUnitsPerProduct. */
  maxUnitsPerProduct?: number;
}

/** Quantity and "Add to cart" for the product page; the cart is capped by stock and the store's limit. */
export function AddToCartButton({
  productId,
  productName,
  stock,
  maxUnitsPerProduct = DEFAULT_UNITS_PER_PRODUCT,
}: AddToCartButtonProps) {
  const { state, setQuantity } = useCart();
  const [chosen, setChosen] = useState(1);
  const [message, setMessage] = useState<{ text: string; added: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();

  const inCart =
    state.status === "ready" ? (state.lines.find((line) => line.productId === productId)?.quantity ?? 0) : 0;
  const cap = quantityCap(stock, maxUnitsPerProduct);
  const room = Math.max(0, cap - inCart);
  const quantity = Math.min(chosen, Math.max(room, 1));
  const ready = state.status === "ready";
  const full = ready && room < 1;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (room < 1) return;
    setBusy(true);
    try {
      await setQuantity(productId, inCart + quantity);
      setMessage({ text: `Added ${quantity} × ${productName} to your cart.`, added: true });
      setChosen(1);
    } catch (error) {
      console.error("Could not add to the cart", error);
      setMessage({ text: "Could not add it to your cart. Please try again.", added: false });
    } finally {
      setBusy(false);
    }
  }

  // The product page already says "Sold out".
  if (cap < 1) return null;

  return (
    <form className={styles.form} onSubmit={add} aria-busy={busy || !ready}>
      <div className={styles.field}>
        <label htmlFor={selectId}>Quantity</label>
        <select
          id={selectId}
          className={styles.select}
          value={quantity}
          onChange={(event) => setChosen(Number(event.target.value))}
          disabled={room < 1}
        >
          {Array.from({ length: Math.max(room, 1) }, (_, index) => (
            <option key={index + 1} value={index + 1}>
              {index + 1}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={`button ${styles.button}`} disabled={!ready || busy || room < 1}>
        Add to cart
      </button>
      <p className={styles.status} role="status">
        {[message?.text, full ? `Your cart holds the most you can order (${cap}).` : null]
          .filter(Boolean)
          .join(" ")}{" "}
        {message?.added || full ? <Link href="/cart">View cart</Link> : null}
      </p>
    </form>
  );
}
