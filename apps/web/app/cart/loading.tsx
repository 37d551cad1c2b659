import { RouteLoading } from "@/components/cart/route-loading";

export default function Loading() {
  return <RouteLoading label="Loading your cart…" />;
}
