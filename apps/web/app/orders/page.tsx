import type { Metadata } from "next";
import { OrdersList } from "@/components/orders/orders-list";
import styles from "@/components/orders/orders.module.css";

export const metadata: Metadata = { title: "Your orders", robots: { index: false } };

export default function OrdersPage() {
  return (
    <>
      <h1 className={styles.title}>Your orders</h1>
      <OrdersList />
    </>
  );
}
