"use client";

import { formatMoney, statusLabel, type Order } from "@hearth/domain";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { ShippingAddress } from "@/components/orders/shipping-address";
import styles from "@/components/orders/orders.module.css";
import { useUser } from "@/lib/auth/use-user";
import { formatWhen } from "@/lib/orders/format-when";
import { useOrder } from "@/lib/orders/use-order";
import { OrderActions } from "./order-actions";

function PaymentDetails({ order }: { order: Order }) {
  const { payment, currency } = order;
  if (!payment) return <p className={styles.muted}>No payment yet.</p>;
  const money = (cents: number) => (currency ? formatMoney(cents, currency) : String(cents));
  const rows: [string, string][] = [
    ["Provider", payment.provider],
    ["Status", payment.status ?? "—"],
    ["Declined attempts", String(payment.failedAttempts ?? 0)],
    ["Refunded", money(payment.refundedCents ?? 0)],
  ];
  if (payment.paymentIntentId) rows.push(["Payment", payment.paymentIntentId]);
  if (payment.pendingRefund) rows.push(["Refund in progress", money(payment.pendingRefund.amountCents)]);
  if (payment.lastError) rows.push(["Last error", payment.lastError]);
  if (payment.mismatch) rows.push(["Mismatch", payment.mismatch]);
  return (
    <dl className={styles.details}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** /admin/orders/[id]: everything about one order, live, with the moves it allows. */
export function AdminOrderView({ orderId }: { orderId: string }) {
  const auth = useUser();
  const { order, events } = useOrder(orderId, auth.status === "signed-in" ? auth.user.uid : null);

  if (order.status === "not-found") {
    return (
      <EmptyState title="Order not found">
        <p>
          <Link href="/admin/orders">All orders</Link>
        </p>
      </EmptyState>
    );
  }
  if (order.status === "error") {
    return (
      <p role="alert" className="alert">
        The order could not be loaded. Check your connection and reload the page.
      </p>
    );
  }
  if (order.status === "loading") return <p role="status">Loading the order…</p>;
  const found = order.order;

  return (
    <div className={styles.layout}>
      <div className={styles.stack}>
        <section
          className={styles.card}
          aria-labelledby="admin-order-status"
          data-testid="admin-order-status"
          data-status={found.status}
        >
          <h2 id="admin-order-status" className={styles.heading}>
            {statusLabel(found.status)}
          </h2>
          <p className={styles.muted}>
            Placed {formatWhen(found.createdAt)}
            {found.paidAt ? ` · paid ${formatWhen(found.paidAt)}` : ""}
            {found.shippedAt ? ` · shipped ${formatWhen(found.shippedAt)}` : ""}
          </p>
          {found.rejectionReason ? <p>{found.rejectionReason}</p> : null}
          {found.failureReason ? <p>{found.failureReason}</p> : null}
          {found.shipment ? (
            <p>
              {found.shipment.carrier}, tracking number {found.shipment.trackingNumber}
            </p>
          ) : null}
          <OrderActions orderId={orderId} order={found} />
        </section>
        <section className={styles.card} aria-labelledby="admin-order-items">
          <h2 id="admin-order-items" className={styles.heading}>
            Items
          </h2>
          <OrderLines order={found} />
        </section>
        <section className={styles.card} aria-labelledby="admin-order-payment">
          <h2 id="admin-order-payment" className={styles.heading}>
            Payment
          </h2>
          <PaymentDetails order={found} />
        </section>
      </div>
      <div className={styles.stack}>
        <section className={styles.card} aria-labelledby="admin-order-customer">
          <h2 id="admin-order-customer" className={styles.heading}>
            Customer
          </h2>
          <p>{found.customerEmail ?? "No email on the order"}</p>
          <ShippingAddress address={found.shippingAddress} />
        </section>
        <section className={styles.card} aria-labelledby="admin-order-history">
          <h2 id="admin-order-history" className={styles.heading}>
            History
          </h2>
          <OrderTimeline events={events} />
        </section>
      </div>
    </div>
  );
}
