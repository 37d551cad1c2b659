import type { Order } from "@hearth/domain";
import { formatWhen } from "@/lib/orders/format-when";
import styles from "./orders.module.css";

/** ?checkout=… on /orders/{id}: "placed" from our checkout, the others from the payment provider. */
export type CheckoutReturn = "placed" | "success" | "cancelled";

export const parseCheckoutReturn = (value: unknown): CheckoutReturn | null =>
  value === "placed" || value === "success" || value === "cancelled" ? value : null;

/** A word about the way back from the payment page, while the order still waits for the outcome. */
export function CheckoutNotice({ kind, order }: { kind: "success" | "cancelled"; order: Order }) {
  if (order.status !== "awaiting_payment") return null;
  if (kind === "success") {
    return (
      <p className={styles.muted}>Thanks! We are confirming your payment; this page updates by itself.</p>
    );
  }
  const until = order.expiresAt ? ` until ${formatWhen(order.expiresAt)}` : "";
  return (
    <p className={styles.muted}>
      You left the payment page. Your items stay reserved{until}: pay whenever you are ready.
    </p>
  );
}
