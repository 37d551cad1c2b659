import Link from "next/link";

/** The header's way to the cart. */
export function CartLink({ className }: { className?: string }) {
  return (
    <Link href="/cart" className={className}>
      Cart
    </Link>
  );
}
