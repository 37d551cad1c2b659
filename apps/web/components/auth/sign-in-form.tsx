"use client";

import Link from "next/link";
import styles from "./auth.module.css";
import { GoogleButton } from "./google-button";
import { SignedInNotice } from "./signed-in-notice";
import { useAuthForm } from "./use-auth-form";
import { LiveMessage } from "@/components/account/live-message";

export function SignInForm({ next }: { next: string }) {
  const { auth, phase, pending, error, query, handleSubmit, google } = useAuthForm(next, async (form) => {
    const { signInWithEmail } = await import("@/lib/auth/auth-actions");
    await signInWithEmail(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
  });

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
      <GoogleButton disabled={pending} {...google} />
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
