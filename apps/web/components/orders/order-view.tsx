"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { EmptyState } from "@/components/empty-state";
import { useUser } from "@/lib/auth/use-user";
import { formatWhen } from "@/lib/orders/format-when";
import { canShopperCancel } from "@/lib/orders/status-copy";
import { useOrder } from "@/lib/orders/use-order";
import { CancelOrderButton } from "./cancel-order-button";
import { CheckoutNotice, type CheckoutReturn } from "./checkout-notice";
import { OrderLines } from "./order-lines";
import { OrderStatusPanel } from "./order-status-panel";
import { OrderTimeline } from "./order-timeline";
import { ShippingAddress } from "./shipping-address";
import styles from "./orders.module.css";

const isWebUrl = (url: string) => {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

export function OrderView({ orderId, checkout }: { orderId: string; checkout: CheckoutReturn | null }) {
  const auth = useUser();
  const uid = auth.status === "signed-in" ? auth.user.uid : null;
  const { order, events } = useOrder(orderId, uid);
  const redirected = useRef(false);
  const found = order.status === "found" ? order.order : null;
  const payUrl = found?.status === "awaiting_payment" ? (found.payment?.checkoutUrl ?? null) : null;
  const redirecting = checkout === "placed" && payUrl !== null && !found?.payment?.failedAttempts;

  // Straight from checkout: once the order is priced, go to the provider's payment page. The
  // history entry loses ?checkout=placed first, so coming back does not redirect again.
  useEffect(() => {
    if (!redirecting || !payUrl || redirected.current || !isWebUrl(payUrl)) return;
    redirected.current = true;
    window.history.replaceState(null, "", `/orders/${encodeURIComponent(orderId)}`);
    window.location.assign(payUrl);
  }, [redirecting, payUrl, orderId]);

  if (auth.status === "signed-out") {
    const next = `/orders/${encodeURIComponent(orderId)}`;
    return (
      <EmptyState title="Sign in to see your order">
        <p>Orders are visible only to the account that placed them.</p>
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="button">
            Sign in
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (order.status === "not-found") {
    return (
      <EmptyState title="Order not found">
        <p>There is no order with this number in your account.</p>
        <p>
          <Link href="/orders" className="button">
            Your orders
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (order.status === "error") {
    return (
      <EmptyState title="This order could not be loaded">
        <p>Check your connection and reload the page.</p>
      </EmptyState>
    );
  }
  if (!found) {
    return (
      <div role="status" aria-live="polite">
        <span className="visually-hidden">Loading the order…</span>
        <div className={styles.skeleton} aria-hidden="true" />
      </div>
    );
  }

  return (
    <article aria-labelledby="order-title">
      <p className={styles.back}>
        <Link href="/orders">All your orders</Link>
      </p>
      <h1 id="order-title" className={styles.title}>
        Order {orderId}
      </h1>
      <p className={styles.muted}>Placed {formatWhen(found.createdAt)}</p>
      <div className={styles.layout}>
        <div className={styles.stack}>
          {checkout && checkout !== "placed" ? <CheckoutNotice kind={checkout} order={found} /> : null}
          <OrderStatusPanel order={found} redirecting={redirecting} />
          {canShopperCancel(found) ? <CancelOrderButton orderId={orderId} /> : null}
          <section className={styles.card} aria-labelledby="order-items">
            <h2 id="order-items" className={styles.heading}>
              Items
            </h2>
            <OrderLines order={found} />
          </section>
        </div>
        <div className={styles.stack}>
          <section className={styles.card} aria-labelledby="order-address">
            <h2 id="order-address" className={styles.heading}>
              Shipping to
            </h2>
            <ShippingAddress address={found.shippingAddress} />
            {found.shipment ? (
              <p data-testid="order-shipment">
                Shipped with {found.shipment.carrier}. Tracking number:{" "}
                <strong>{found.shipment.trackingNumber}</strong>
              </p>
            ) : null}
          </section>
          <section className={styles.card} aria-labelledby="order-history">
            <h2 id="order-history" className={styles.heading}>
              History
            </h2>
            <OrderTimeline events={events} />
          </section>
        </div>
      </div>
    </article>
  );
}
