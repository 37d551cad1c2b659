"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import styles from "./auth.module.css";
import { LiveMessage } from "@/components/account/live-message";

type Phase = { kind: "idle" } | { kind: "pending" } | { kind: "error"; message: string } | { kind: "sent" };

/** Asks Firebase Auth to email a password reset link. */
export function RequestResetForm() {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const error = phase.kind === "error" ? phase.message : "";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setPhase({ kind: "pending" });
    try {
      const { requestPasswordReset } = await import("@/lib/auth/auth-actions");
      await requestPasswordReset(email);
      setPhase({ kind: "sent" });
    } catch (caught) {
      // Saying whether an account exists would tell strangers who shops here.
      const code = typeof caught === "object" && caught !== null && "code" in caught ? caught.code : null;
      if (code === "auth/user-not-found") setPhase({ kind: "sent" });
      else setPhase({ kind: "error", message: authErrorMessage(caught) });
    }
  }

  return (
    <>
      <form
        className={styles.form}
        onSubmit={(event) => void handleSubmit(event)}
        aria-busy={phase.kind === "pending"}
      >
        <div className="field">
          <label className="field-label" htmlFor="reset-email">
            Email
          </label>
          <input
            id="reset-email"
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            required
            aria-describedby={error ? "reset-error" : undefined}
          />
        </div>
        <LiveMessage kind="alert" id="reset-error" message={error} />
        <LiveMessage
          kind="status"
          message={
            phase.kind === "sent"
              ? "If an account uses that email, a link to choose a new password is on its way. Check your inbox."
              : ""
          }
        />
        <button type="submit" className={`button ${styles.wide}`} disabled={phase.kind === "pending"}>
          {phase.kind === "pending" ? "Sending…" : "Send reset link"}
        </button>
      </form>
      <ul className={styles.links}>
        <li>
          <Link href="/sign-in">Back to sign in</Link>
        </li>
      </ul>
    </>
  );
}
