"use client";

import { useRef, useState } from "react";
import styles from "./orders.module.css";

/** Cancels before payment, after a second, explicit confirmation. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function cancel() {
    setBusy(true);
    setError("");
    try {
      const { cancelOrder } = await import("@/lib/orders/order-firestore");
      await cancelOrder(orderId);
    } catch (failure) {
      console.error("Could not cancel the order", failure);
      setError("The order could not be cancelled. It may have been paid in the meantime.");
      setBusy(false);
      setConfirming(false);
    }
  }

  if (!confirming) {
    return (
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.secondary}
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => confirmRef.current?.focus());
          }}
        >
          Cancel order
        </button>
        {error ? (
          <p role="alert" className={styles.muted}>
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className={styles.actions} role="group" aria-label="Cancel this order?">
      <span>Cancel this order? Reserved items go back on sale.</span>
      <button ref={confirmRef} type="button" className="button" onClick={cancel} disabled={busy}>
        {busy ? "Cancelling…" : "Yes, cancel it"}
      </button>
      <button type="button" className={styles.secondary} onClick={() => setConfirming(false)} disabled={busy}>
        Keep it
      </button>
    </div>
  );
}
