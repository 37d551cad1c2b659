import Link from "next/link";
import { EmptyState } from "@/components/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      <p>The page you were looking for does not exist or has moved.</p>
      <p>
        <Link href="/" className="button">
          Back to the shop
        </Link>
      </p>
    </EmptyState>
  );
}
