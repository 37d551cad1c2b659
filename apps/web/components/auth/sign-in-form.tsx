"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { useUser } from "@/lib/auth/use-user";
import styles from "./auth.module.css";
import { GoogleButton } from "./google-button";
import { SignedInNotice } from "./signed-in-notice";
import { LiveMessage } from "@/components/account/live-message";

type Phase = { kind: "idle" } | { kind: "pending" } | { kind: "error"; message: string } | { kind: "done" };

export function SignInForm({ next }: { next: string }) {
  const auth = useUser();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const pending = phase.kind === "pending" || phase.kind === "done";
  const error = phase.kind === "error" ? phase.message : "";
  const query = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;

  function finish() {
    setPhase({ kind: "done" });
    router.replace(next);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPhase({ kind: "pending" });
    try {
      const { signInWithEmail } = await import("@/lib/auth/auth-actions");
      await signInWithEmail(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
      finish();
    } catch (caught) {
      setPhase({ kind: "error", message: authErrorMessage(caught) });
    }
  }

  if (auth.status === "signed-in" && phase.kind === "idle") {
    return <SignedInNotice user={auth.user} next={next} />;
  }

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void handleSubmit(event)} aria-busy={pending}>
        <div className="field">
          <label className="field-label" htmlFor="sign-in-email">
            Email
          </label>
          <input
            id="sign-in-email"
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="sign-in-password">
            Password
          </label>
          <input
            id="sign-in-password"
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </div>
        <LiveMessage kind="alert" id="sign-in-error" message={error} />
        <button type="submit" className={`button ${styles.wide}`} disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
        <p className="visually-hidden" role="status">
          {phase.kind === "done" ? "Signed in." : ""}
        </p>
      </form>
      <p className={styles.divider}>or</p>
      <GoogleButton
        disabled={pending}
        onStart={() => setPhase({ kind: "pending" })}
        onDone={finish}
        onError={(message) => setPhase({ kind: "error", message })}
      />
      <ul className={styles.links}>
        <li>
          <Link href="/reset-password">Forgot your password?</Link>
        </li>
        <li>
          <Link href={`/sign-up${query}`}>New here? Create an account</Link>
        </li>
      </ul>
    </>
  );
}
