"use client";

import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import styles from "./auth.module.css";
import { RequestResetForm } from "./request-reset-form";
import { LiveMessage } from "@/components/account/live-message";

type Phase =
  | { kind: "checking" }
  | { kind: "invalid"; message: string }
  | { kind: "ready"; email: string; error: string }
  | { kind: "pending"; email: string }
  | { kind: "done"; email: string };

/** The page the reset email links to: checks the code, then sets the new password. */
export function NewPasswordForm({ code }: { code: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });

  useEffect(() => {
    let cancelled = false;
    void import("@/lib/auth/auth-actions")
      .then(({ checkResetCode }) => checkResetCode(code))
      .then(
        (email) => {
          if (!cancelled) setPhase({ kind: "ready", email, error: "" });
        },
        (error: unknown) => {
          if (!cancelled) setPhase({ kind: "invalid", message: authErrorMessage(error) });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [code]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>, email: string) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPhase({ kind: "pending", email });
    try {
      const { resetPassword } = await import("@/lib/auth/auth-actions");
      await resetPassword(code, password);
      setPhase({ kind: "done", email });
    } catch (caught) {
      setPhase({ kind: "ready", email, error: authErrorMessage(caught) });
    }
  }

  if (phase.kind === "checking") {
    return (
      <p role="status" className="field-hint">
        Checking your reset link…
      </p>
    );
  }
  if (phase.kind === "invalid") {
    return (
      <>
        <LiveMessage kind="alert" message={phase.message} />
        <RequestResetForm />
      </>
    );
  }
  if (phase.kind === "done") {
    return (
      <>
        <p className="notice" role="status">
          Your password has been changed. Sign in with your new password.
        </p>
        <p>
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        </p>
      </>
    );
  }

  const error = phase.kind === "ready" ? phase.error : "";
  return (
    <form
      className={styles.form}
      onSubmit={(event) => void handleSubmit(event, phase.email)}
      aria-busy={phase.kind === "pending"}
    >
      <p className="field-hint">Choose a new password for {phase.email}.</p>
      <div className="field">
        <label className="field-label" htmlFor="new-password">
          New password
        </label>
        <input
          id="new-password"
          className="input"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={["new-password-hint", error ? "new-password-error" : null]
            .filter(Boolean)
            .join(" ")}
        />
        <p id="new-password-hint" className="field-hint">
          At least 6 characters.
        </p>
      </div>
      <LiveMessage kind="alert" id="new-password-error" message={error} />
      <button type="submit" className={`button ${styles.wide}`} disabled={phase.kind === "pending"}>
        {phase.kind === "pending" ? "Saving…" : "Save new password"}
      </button>
    </form>
  );
}
