"use client";

import { formatMoney, type Order, type OrderItem } from "@hearth/domain";
import { useMemo } from "react";
import { CartTotals } from "@/components/cart/cart-totals";
import { useCartCatalog } from "@/lib/cart/use-cart-catalog";
import styles from "./orders.module.css";

/** The lines and totals exactly as the server priced them; before that, the items as ordered. */
export function OrderLines({ order }: { order: Order }) {
  const { lines, currency } = order;
  if (!lines || !currency) return <ItemsAsOrdered items={order.items} />;
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <>
      <table className={styles.table}>
        <caption className="visually-hidden">Items in this order</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" className={styles.number}>
              Price
            </th>
            <th scope="col" className={styles.number}>
              Qty
            </th>
            <th scope="col" className={styles.number}>
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.productId} data-testid="order-line">
              <th scope="row">{line.name}</th>
              <td className={styles.number}>{money(line.unitPriceCents)}</td>
              <td className={styles.number}>{line.quantity}</td>
              <td className={styles.number}>{money(line.lineTotalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.subtotalCents !== undefined &&
      order.shippingCents !== undefined &&
      order.totalCents !== undefined ? (
        <CartTotals
          totals={{
            subtotalCents: order.subtotalCents,
            shippingCents: order.shippingCents,
            totalCents: order.totalCents,
            currency,
          }}
        />
      ) : null}
    </>
  );
}

/** An order the server never priced (rejected, or still pending): the items by name as ordered. */
function ItemsAsOrdered({ items }: { items: readonly OrderItem[] }) {
  const asLines = useMemo(() => items.map((item) => ({ ...item, addedAt: 0 })), [items]);
  const catalog = useCartCatalog(asLines);
  const nameOf = (productId: string) =>
    catalog.status === "ready" ? (catalog.catalog.products.get(productId)?.name ?? null) : null;
  return (
    <ul className={styles.timeline}>
      {items.map((item) => (
        <li key={item.productId} data-testid="order-item">
          {nameOf(item.productId) ?? (catalog.status === "loading" ? "…" : "A product no longer for sale")} ×{" "}
          {item.quantity}
        </li>
      ))}
    </ul>
  );
}
