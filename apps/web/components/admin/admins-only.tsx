"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { EmptyState } from "@/components/empty-state";

/**
 * A signed-in account without the admin claim. Admin rights granted since sign-in are in the next
 * ID token only, so "Check again" fetches one before asking the server once more.
 */
export function AdminsOnly({ email }: { email: string | null }) {
  const router = useRouter();
  const [checking, startTransition] = useTransition();
  const [checked, setChecked] = useState(false);

  async function checkAgain() {
    const { refreshClaims } = await import("@/lib/auth/auth-actions");
    const { syncSessionCookie } = await import("@/lib/auth/auth-store");
    await refreshClaims();
    await syncSessionCookie();
    setChecked(true);
    startTransition(() => router.refresh());
  }

  return (
    <EmptyState title="This area is for the shop's admins">
      <p>
        {email ? `${email} is not an admin of this shop.` : "This account is not an admin of this shop."} If
        you were just made one, check again.
      </p>
      <p>
        <button
          type="button"
          className="button-secondary"
          onClick={() => void checkAgain()}
          disabled={checking}
        >
          {checking ? "Checking…" : "Check again"}
        </button>{" "}
        <Link href="/" className="button">
          Back to the shop
        </Link>
      </p>
      <p role="status">{checked && !checking ? "Still not an admin." : ""}</p>
    </EmptyState>
  );
}
