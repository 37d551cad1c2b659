import type { Metadata } from "next";
import { OrderView } from "@/components/orders/order-view";
import { parseCheckoutReturn } from "@/components/orders/checkout-notice";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

/** The order renders on the client, with the shopper's own identity, so the rules decide what shows. */
export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ orderId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orderId }, query] = await Promise.all([params, searchParams]);
  return <OrderView orderId={orderId} checkout={parseCheckoutReturn(query.checkout)} />;
}
