import type { Metadata } from "next";
import { ExpireUnpaidNow } from "@/components/admin/orders/expire-unpaid-now";
import { OrderList } from "@/components/admin/orders/order-list";
import type { SearchParams } from "@/lib/auth/safe-next";

export const metadata: Metadata = { title: "Orders" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string) => (DATE.test(value) ? value : "");

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const values = { status: first(params.status), from: date(first(params.from)), to: date(first(params.to)) };
  return (
    <>
      <h1>Orders</h1>
      <ExpireUnpaidNow />
      {/* A new key per filter set starts the list again at its first page. */}
      <OrderList key={JSON.stringify(values)} values={values} />
    </>
  );
}
