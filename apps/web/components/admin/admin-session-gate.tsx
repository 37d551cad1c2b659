"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { EmptyState } from "@/components/empty-state";

type Phase = "checking" | "refreshing" | "signed-out" | "failed";

/**
 * The server saw no valid session cookie. Either nobody is signed in, or the cookie is missing or
 * an hour old while the browser's Auth SDK holds a fresh token: write it and render once more. If
 * this gate is still here after that, the server cannot confirm the session.
 */
export function AdminSessionGate() {
  const router = useRouter();
  const pathname = usePathname();
  const [phase, setPhase] = useState<Phase>("checking");
  const [refreshing, startTransition] = useTransition();

  useEffect(() => {
    void import("@/lib/auth/auth-store")
      .then(async ({ syncSessionCookie }) => syncSessionCookie())
      .then(
        (signedIn) => {
          if (!signedIn) return setPhase("signed-out");
          setPhase("refreshing");
          startTransition(() => router.refresh());
        },
        () => setPhase("failed"),
      );
  }, [router]);

  // Still here once the refresh is done: the server did not accept the fresh token either.
  const shown = phase === "refreshing" && !refreshing ? "failed" : phase;

  if (shown === "checking" || shown === "refreshing") {
    return (
      <div role="status" aria-live="polite">
        Checking your session…
      </div>
    );
  }
  const signedOut = shown === "signed-out";
  return (
    <EmptyState title={signedOut ? "Sign in to manage the shop" : "Your session could not be confirmed"}>
      <p>
        {signedOut
          ? "The back office is for the shop's admins."
          : "Sign in again to continue to the back office."}
      </p>
      <p>
        <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} className="button">
          Sign in
        </Link>
      </p>
    </EmptyState>
  );
}
