"use client";

import Link from "next/link";
import { useCart } from "@/lib/cart/use-cart";

/** The header's way to the cart, with the number of items once the cart has loaded. */
export function CartLink({ className }: { className?: string }) {
  const { state } = useCart();
  const count = state.status === "ready" ? state.lines.reduce((sum, line) => sum + line.quantity, 0) : null;
  return (
    <Link href="/cart" className={className} data-testid="cart-link">
      Cart{count !== null && count > 0 ? ` (${count})` : null}
    </Link>
  );
}
