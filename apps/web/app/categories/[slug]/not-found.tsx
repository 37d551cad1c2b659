import Link from "next/link";
import { EmptyState } from "@/components/empty-state";

export default function CategoryNotFound() {
  return (
    <EmptyState title="Category not found">
      <p>There is no such category in the shop.</p>
      <p>
        <Link href="/products" className="button">
          Browse all products
        </Link>
      </p>
    </EmptyState>
  );
}
