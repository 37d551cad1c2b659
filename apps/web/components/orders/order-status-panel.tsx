import type { Order } from "@hearth/domain";
import Link from "next/link";
import { statusCopy } from "@/lib/orders/status-copy";
import { RestoreCartButton } from "./restore-cart-button";
import styles from "./orders.module.css";

/** The order's state in words; a live region, so a screen reader hears each change. */
export function OrderStatusPanel({ order, redirecting }: { order: Order; redirecting: boolean }) {
  const copy = statusCopy(order);
  return (
    <section
      className={`${styles.status} ${styles[copy.tone] ?? ""}`}
      aria-labelledby="order-status-headline"
      data-testid="order-status"
      data-status={order.status}
    >
      <div role="status" aria-live="polite" aria-atomic="true">
        <h2 id="order-status-headline" className={styles.statusHeadline}>
          {redirecting ? "Taking you to the payment page…" : copy.headline}
        </h2>
        <p className={styles.statusDetail}>{copy.detail}</p>
      </div>
      {copy.payUrl || copy.offerCart ? (
        <div className={styles.actions}>
          {copy.payUrl ? (
            <a href={copy.payUrl} className="button">
              {order.payment?.failedAttempts ? "Try again" : "Pay now"}
            </a>
          ) : null}
          {copy.offerCart ? <RestoreCartButton uid={order.uid} items={order.items} /> : null}
          {copy.offerCart ? (
            <Link href="/cart" className={styles.secondary}>
              Go to your cart
            </Link>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
