import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { signInHref } from "@/lib/auth/safe-next";

/** What a page that needs an account shows to a signed-out visitor: nothing of anyone. */
export function SignInPrompt({ title, reason, next }: { title: string; reason: string; next: string }) {
  return (
    <EmptyState title={title}>
      <p>{reason}</p>
      <p>
        <Link href={signInHref(next)} className="button">
          Sign in
        </Link>
      </p>
      <p>
        New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </EmptyState>
  );
}
