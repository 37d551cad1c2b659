import Link from "next/link";
import type { CartSummary } from "@/lib/cart/cart-summary";
import { CartTotals } from "@/components/cart/cart-totals";
import styles from "./checkout.module.css";

export function CheckoutSummary({ summary }: { summary: CartSummary }) {
  return (
    <section className={styles.summary} aria-labelledby="checkout-summary-title">
      <h2 id="checkout-summary-title" className={styles.heading}>
        Your order
      </h2>
      <ul className={styles.items}>
        {summary.lines.map(({ line, product }) => (
          <li key={line.productId} className={styles.item}>
            <span>{product?.name ?? "Unavailable product"}</span>
            <span>× {line.quantity}</span>
          </li>
        ))}
      </ul>
      <CartTotals totals={summary} label="Estimated total" />
      <p className={styles.hint}>The final price is confirmed when the order is placed.</p>
      <p className={styles.hint}>
        <Link href="/cart">Change your cart</Link>
      </p>
    </section>
  );
}
