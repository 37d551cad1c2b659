import Link from "next/link";
import type { SessionUser } from "@/lib/auth/use-user";

/** Shown on sign-in and sign-up pages to a shopper who is already signed in. */
export function SignedInNotice({ user, next }: { user: SessionUser; next: string }) {
  return (
    <div className="field">
      <p className="notice">You are signed in as {user.displayName?.trim() || user.email || "a shopper"}.</p>
      <p>
        <Link href={next} className="button">
          Continue
        </Link>
      </p>
    </div>
  );
}
