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

export function SignUpForm({ next }: { next: string }) {
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
      const { signUpWithEmail } = await import("@/lib/auth/auth-actions");
      await signUpWithEmail({
        displayName: String(form.get("displayName") ?? ""),
        email: String(form.get("email") ?? "").trim(),
        password: String(form.get("password") ?? ""),
      });
      finish();
    } catch (caught) {
      setPhase({ kind: "error", message: authErrorMessage(caught) });
    }
  }

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
      <GoogleButton
        disabled={pending}
        onStart={() => setPhase({ kind: "pending" })}
        onDone={finish}
        onError={(message) => setPhase({ kind: "error", message })}
      />
      <ul className={styles.links}>
        <li>
          <Link href={`/sign-in${query}`}>Already have an account? Sign in</Link>
        </li>
      </ul>
    </>
  );
}
