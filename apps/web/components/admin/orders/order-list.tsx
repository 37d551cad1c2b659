"use client";

import { dayWindow, formatMoney, orderStatusSchema, statusLabel } from "@hearth/domain";
import Link from "next/link";
import { useState } from "react";
import { LiveTable } from "@/components/admin/live-table";
import styles from "@/components/admin/products/products.module.css";
import { useLive } from "@/lib/admin/use-live";
import { useStoreConfig } from "@/lib/admin/use-store-config";
import type { AdminOrderFilters, AdminOrderRow } from "@/lib/admin/orders/admin-orders";
import type { CreatedAtCursor, Page } from "@/lib/admin/watch-page";
import { formatWhen } from "@/lib/orders/format-when";
import { OrderFilters, type OrderFilterValues } from "./order-filters";

const PAGE_SIZE = 25;
const COLUMNS = [
  { label: "Order" },
  { label: "Placed" },
  { label: "Customer" },
  { label: "Status" },
  { label: "Items", numeric: true },
  { label: "Total", numeric: true },
];

function toFilters(values: OrderFilterValues, timeZone: string): AdminOrderFilters {
  const status = orderStatusSchema.safeParse(values.status);
  return {
    status: status.success ? status.data : null,
    fromMs: values.from ? dayWindow(values.from, timeZone).startMs : null,
    toMs: values.to ? dayWindow(values.to, timeZone).endMs : null,
  };
}

function OrderRow({ id, order }: AdminOrderRow) {
  return (
    <tr data-testid="admin-order-row">
      <th scope="row">
        <Link href={`/admin/orders/${encodeURIComponent(id)}`}>{id}</Link>
      </th>
      <td>{formatWhen(order.createdAt)}</td>
      <td>
        {order.shippingAddress.name}
        {order.customerEmail ? <span className={styles.lowStock}>{order.customerEmail}</span> : null}
      </td>
      <td>
        <span className={styles.badge} data-status={order.status}>
          {statusLabel(order.status)}
        </span>
      </td>
      <td className={styles.number}>{order.items.reduce((sum, item) => sum + item.quantity, 0)}</td>
      <td className={styles.number}>
        {order.totalCents !== undefined && order.currency
          ? formatMoney(order.totalCents, order.currency)
          : "—"}
      </td>
    </tr>
  );
}

/** Every order, newest first, live; filtered by status and the store's days. */
export function OrderList({ values }: { values: OrderFilterValues }) {
  const store = useStoreConfig();
  const [trail, setTrail] = useState<CreatedAtCursor[]>([]);
  const timeZone = store.status === "ready" ? (store.config?.timeZone ?? "UTC") : null;
  const after = trail.at(-1) ?? null;
  const key = timeZone === null ? "waiting" : JSON.stringify([values, timeZone, after?.id ?? null]);
  const page = useLive<Page<AdminOrderRow>>(key, async (onValue, onError) => {
    if (timeZone === null) return () => undefined;
    const { watchAdminOrders } = await import("@/lib/admin/orders/admin-orders");
    return watchAdminOrders(toFilters(values, timeZone), after, PAGE_SIZE, onValue, onError);
  });

  return (
    <>
      <OrderFilters values={values} timeZone={timeZone ?? "…"} />
      <LiveTable
        caption="Orders"
        columns={COLUMNS}
        page={page}
        row={(row) => <OrderRow key={row.id} {...row} />}
        noun="orders"
        emptyText="No orders match these filters."
        trail={trail}
        onTrail={setTrail}
      />
    </>
  );
}
