"use client";

import { formatMoney, statusLabel, type Order } from "@hearth/domain";
import type { DocumentSnapshot } from "firebase/firestore";
import Link from "next/link";
import { useEffect, useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { useUser } from "@/lib/auth/use-user";
import { formatWhen } from "@/lib/orders/format-when";
import styles from "./orders.module.css";

interface Listing {
  uid: string;
  orders: { id: string; order: Order }[];
  next: DocumentSnapshot | null;
  status: "ready" | "more" | "error";
}

async function fetchPage(uid: string, after: DocumentSnapshot | null) {
  const { listMyOrders } = await import("@/lib/orders/order-firestore");
  return listMyOrders(uid, after);
}

const itemCount = (order: Order) => order.items.reduce((sum, item) => sum + item.quantity, 0);

export function OrdersList() {
  const auth = useUser();
  const uid = auth.status === "signed-in" ? auth.user.uid : null;
  const [listing, setListing] = useState<Listing | null>(null);

  useEffect(() => {
    if (!uid) return;
    let cancelled = false;
    fetchPage(uid, null).then(
      (page) => {
        if (!cancelled) setListing({ uid, ...page, status: "ready" });
      },
      (error: unknown) => {
        console.error("Could not list the orders", error);
        if (!cancelled) setListing({ uid, orders: [], next: null, status: "error" });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [uid]);

  async function more(current: Listing) {
    setListing({ ...current, status: "more" });
    try {
      const page = await fetchPage(current.uid, current.next);
      setListing({
        uid: current.uid,
        orders: [...current.orders, ...page.orders],
        next: page.next,
        status: "ready",
      });
    } catch (error) {
      console.error("Could not list more orders", error);
      setListing({ ...current, status: "error" });
    }
  }

  if (auth.status === "signed-out") {
    return (
      <EmptyState title="Sign in to see your orders">
        <p>
          <Link href="/sign-in?next=/orders" className="button">
            Sign in
          </Link>
        </p>
      </EmptyState>
    );
  }
  const shown = listing?.uid === uid ? listing : null;
  if (!shown) {
    return (
      <div role="status" aria-live="polite">
        <span className="visually-hidden">Loading your orders…</span>
        <div className={styles.skeleton} aria-hidden="true" />
      </div>
    );
  }
  if (shown.orders.length === 0 && shown.status !== "error") {
    return (
      <EmptyState title="No orders yet">
        <p>
          <Link href="/" className="button">
            Start shopping
          </Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className={styles.list} aria-label="Your orders, newest first">
        {shown.orders.map(({ id, order }) => (
          <li key={id} className={styles.row} data-testid="order-row">
            <div>
              <Link href={`/orders/${encodeURIComponent(id)}`}>Order {id}</Link>
              <p className={styles.muted}>
                {formatWhen(order.createdAt)} · {itemCount(order)} {itemCount(order) === 1 ? "item" : "items"}
                {order.totalCents !== undefined && order.currency
                  ? ` · ${formatMoney(order.totalCents, order.currency)}`
                  : ""}
              </p>
            </div>
            <span className={styles.badge}>{statusLabel(order.status)}</span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className={styles.muted}>
        {shown.status === "error" ? "Your orders could not be loaded. Please try again." : ""}
      </div>
      {shown.next ? (
        <button
          type="button"
          className={styles.secondary}
          onClick={() => void more(shown)}
          disabled={shown.status === "more"}
        >
          {shown.status === "more" ? "Loading…" : "Show older orders"}
        </button>
      ) : null}
    </>
  );
}
