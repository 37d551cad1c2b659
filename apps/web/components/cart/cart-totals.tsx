import { formatMoney } from "@hearth/domain";
import styles from "./cart-view.module.css";

export interface Totals {
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
}

/** Subtotal, shipping and total; the cart, checkout and order pages show the same block. */
export function CartTotals({ totals, label = "Total" }: { totals: Totals; label?: string }) {
  const money = (cents: number) => formatMoney(cents, totals.currency);
  return (
    <dl className={styles.totals} data-testid="totals">
      <dt>Subtotal</dt>
      <dd>{money(totals.subtotalCents)}</dd>
      <dt>Shipping</dt>
      <dd>{totals.shippingCents === 0 ? "Free" : money(totals.shippingCents)}</dd>
      <dt className={styles.grand}>{label}</dt>
      <dd className={styles.grand} data-testid="total">
        {money(totals.totalCents)}
      </dd>
    </dl>
  );
}
