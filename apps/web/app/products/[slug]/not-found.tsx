import Link from "next/link";
import { EmptyState } from "@/components/empty-state";

export default function ProductNotFound() {
  return (
    <EmptyState title="Product not found">
      <p>This product does not exist or is no longer for sale.</p>
      <p>
        <Link href="/products" className="button">
          Browse all products
        </Link>
      </p>
    </EmptyState>
  );
}
