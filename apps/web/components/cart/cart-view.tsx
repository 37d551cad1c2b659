"use client";

import Link from "next/link";
import { useState } from "react";
import { summarizeCart } from "@/lib/cart/cart-summary";
import { useCart } from "@/lib/cart/use-cart";
import { useCartCatalog } from "@/lib/cart/use-cart-catalog";
import { EmptyState } from "@/components/empty-state";
import { CartLineItem } from "./cart-line-item";
import { CartTotals } from "./cart-totals";
import styles from "./cart-view.module.css";

function CartSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">Loading your cart…</span>
      <div className={styles.skeleton} aria-hidden="true" />
    </div>
  );
}

export function CartView() {
  const { state, setQuantity, remove } = useCart();
  const catalog = useCartCatalog(state.status === "ready" ? state.lines : null);
  const [notice, setNotice] = useState("");

  function change(action: Promise<void>, done: string) {
    action.then(
      () => setNotice(done),
      (error: unknown) => {
        console.error("Could not change the cart", error);
        setNotice("That change did not go through. Please try again.");
      },
    );
  }

  let body;
  if (state.status === "error" || catalog.status === "error") {
    body = (
      <EmptyState title="Your cart could not be loaded">
        <p>Check your connection and reload the page.</p>
      </EmptyState>
    );
  } else if (state.status === "loading" || catalog.status === "loading") {
    body = <CartSkeleton />;
  } else if (state.lines.length === 0) {
    body = (
      <EmptyState title="Your cart is empty">
        <p>
          <Link href="/" className="button">
            Continue shopping
          </Link>
        </p>
      </EmptyState>
    );
  } else {
    const summary = summarizeCart(state.lines, catalog.catalog);
    body = (
      <div className={styles.layout}>
        <ul className={styles.lines} aria-label="Items in your cart">
          {summary.lines.map((entry) => {
            const name = entry.product?.name ?? "the unavailable product";
            return (
              <CartLineItem
                key={entry.line.productId}
                entry={entry}
                currency={summary.currency}
                onQuantity={(quantity) =>
                  change(setQuantity(entry.line.productId, quantity), `${name}: quantity ${quantity}.`)
                }
                onRemove={() => change(remove(entry.line.productId), `Removed ${name}.`)}
              />
            );
          })}
        </ul>
        <section className={styles.summary} aria-labelledby="cart-summary-title">
          <h2 id="cart-summary-title" className={styles.name}>
            Order summary
          </h2>
          <CartTotals totals={summary} label="Estimated total" />
          {summary.orderable ? (
            <Link href="/checkout" className="button">
              Check out
            </Link>
          ) : (
            <p className={styles.warning}>Fix the items marked above to check out.</p>
          )}
          <p className={styles.muted}>Prices and stock are checked again when you place the order.</p>
        </section>
      </div>
    );
  }

  return (
    <>
      <h1 className={styles.title}>Your cart</h1>
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      {body}
    </>
  );
}
