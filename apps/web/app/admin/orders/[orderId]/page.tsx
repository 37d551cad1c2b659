import type { Metadata } from "next";
import Link from "next/link";
import { AdminOrderView } from "@/components/admin/orders/admin-order-view";
import styles from "@/components/admin/admin.module.css";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return (
    <>
      <div className={styles.pageHeader}>
        <h1>Order {orderId}</h1>
        <Link href="/admin/orders">All orders</Link>
      </div>
      <AdminOrderView orderId={orderId} />
    </>
  );
}
