"use client";

import Link from "next/link";
import styles from "./auth.module.css";
import { GoogleButton } from "./google-button";
import { SignedInNotice } from "./signed-in-notice";
import { useAuthForm } from "./use-auth-form";
import { LiveMessage } from "@/components/account/live-message";

export function SignUpForm({ next }: { next: string }) {
  const { auth, phase, pending, error, query, handleSubmit, google } = useAuthForm(next, async (form) => {
    const { signUpWithEmail } = await import("@/lib/auth/auth-actions");
    await signUpWithEmail({
      displayName: String(form.get("displayName") ?? ""),
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    });
  });

  if (auth.status === "signed-in" && phase.kind === "idle") {
    return <SignedInNotice user={auth.user} next={next} />;
  }

  const describedBy = (hint?: string) =>
    [hint, error ? "sign-up-error" : null].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void handleSubmit(event)} aria-busy={pending}>
        <div className="field">
          <label className="field-label" htmlFor="sign-up-name">
            Your name
          </label>
          <input
            id="sign-up-name"
            className="input"
            name="displayName"
            type="text"
            autoComplete="name"
            maxLength={80}
            required
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="sign-up-email">
            Email
          </label>
          <input
            id="sign-up-email"
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-describedby={describedBy()}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="sign-up-password">
            Password
          </label>
          <input
            id="sign-up-password"
            className="input"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={describedBy("sign-up-password-hint")}
          />
          <p id="sign-up-password-hint" className="field-hint">
            At least 6 characters.
          </p>
        </div>
        <LiveMessage kind="alert" id="sign-up-error" message={error} />
        <button type="submit" className={`button ${styles.wide}`} disabled={pending}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
        <p className="visually-hidden" role="status">
          {phase.kind === "done" ? "Account created. You are signed in." : ""}
        </p>
      </form>
      <p className={styles.divider}>or</p>
      <GoogleButton disabled={pending} {...google} />
      <ul className={styles.links}>
        <li>
          <Link href={`/sign-in${query}`}>Already have an account? Sign in</Link>
        </li>
      </ul>
    </>
  );
}
