import { formatMoney, orderStatusSchema, statusLabel } from "@hearth/domain";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { paymentTestEnv } from "@/lib/env";
import { simulatePayment } from "./actions";
import { PayButtons } from "./pay-buttons";
import { readPaymentOrder } from "./payment-order";
import styles from "./page.module.css";

// The local payment provider's checkout page: stands in for Stripe Checkout on the emulators.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Test payment", robots: { index: false } };

export default async function PayPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const env = paymentTestEnv();
  if (!env.enabled) {
    return (
      <EmptyState title="Test payments are off">
        <p>This page only works with the local payment provider on the emulators ({env.reason}).</p>
      </EmptyState>
    );
  }

  const order = await readPaymentOrder(env, orderId);
  if (!order) notFound();
  const status = orderStatusSchema.safeParse(order.status);
  const label = status.success ? statusLabel(status.data) : order.status;
  const total =
    order.totalCents !== null && order.currency ? formatMoney(order.totalCents, order.currency) : null;

  return (
    <section className={styles.card} aria-labelledby="pay-title">
      <p className={styles.badge}>Test mode · no real money moves</p>
      <h1 id="pay-title" className={styles.title}>
        Pay for your order
      </h1>
      <dl className={styles.facts}>
        <dt>Order</dt>
        <dd>{order.id}</dd>
        <dt>Items</dt>
        <dd>{order.itemCount}</dd>
        <dt>Total</dt>
        <dd className={styles.total}>{total ?? "Not priced yet"}</dd>
      </dl>
      {order.status === "awaiting_payment" ? (
        <PayButtons
          statusLabel={label}
          action={simulatePayment.bind(null, order.id)}
          orderPath={`/orders/${encodeURIComponent(order.id)}`}
        />
      ) : (
        <p className={styles.result}>
          This order is {label.toLowerCase()}, not awaiting payment.{" "}
          <Link href={`/orders/${encodeURIComponent(order.id)}`}>View your order</Link>
        </p>
      )}
    </section>
  );
}
