"use client";

import { useState, type FormEvent } from "react";
import { LiveMessage } from "@/components/account/live-message";
import styles from "@/components/admin/categories/categories.module.css";
import { useAdminAction } from "@/components/admin/orders/use-admin-action";
import { useLive } from "@/lib/admin/use-live";

type AdminEntry = { uid: string; email: string | null; grantedAt: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /admin/admins: who holds the admin claim; grant it by email, revoke it (never from the last one). */
export function AdminManager({ selfUid }: { selfUid: string }) {
  const [version, setVersion] = useState(0);
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState("");
  const { busy, message, run } = useAdminAction();
  // Read again after each change (the version is the key).
  const list = useLive<AdminEntry[]>(`admins/${version}`, async (onValue, onError) => {
    const { callAdmin } = await import("@/lib/admin/call-admin");
    callAdmin<{ admins: AdminEntry[] }>("adminListAdmins", {}).then(({ admins }) => onValue(admins), onError);
    return () => undefined;
  });
  const load = () => setVersion((current) => current + 1);

  async function grant(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setEmailError("Enter the email address of an account, e.g. sam@example.com.");
      return;
    }
    setEmailError("");
    if (await run("adminSetAdmin", { email: address, admin: true }, `${address} is now an admin.`)) {
      setEmail("");
      load();
    }
  }

  async function revoke(entry: AdminEntry) {
    const who = entry.email ?? entry.uid;
    if (await run("adminSetAdmin", { email: entry.email, admin: false }, `${who} is no longer an admin.`))
      load();
  }

  return (
    <>
      <section className={styles.card} aria-labelledby="grant-admin">
        <h2 id="grant-admin">Make an account an admin</h2>
        <form className={styles.form} onSubmit={(event) => void grant(event)} noValidate>
          <div className="field">
            <label className="field-label" htmlFor="grant-email">
              Email
            </label>
            <input
              id="grant-email"
              className="input"
              type="email"
              value={email}
              autoComplete="off"
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? "grant-email-hint grant-email-error" : "grant-email-hint"}
              onChange={(event) => setEmail(event.target.value)}
            />
            <p id="grant-email-hint" className="field-hint">
              The account must exist: they sign up in the shop first. They see the back office after signing
              in again.
            </p>
            {emailError ? (
              <p id="grant-email-error" className="field-error">
                {emailError}
              </p>
            ) : null}
          </div>
          <div className={styles.formActions}>
            <button type="submit" className="button" disabled={busy !== null}>
              {busy ? "Saving…" : "Make admin"}
            </button>
          </div>
        </form>
      </section>
      <LiveMessage kind="status" message={message.kind === "status" ? message.text : ""} />
      <LiveMessage kind="alert" message={message.kind === "alert" ? message.text : ""} />
      {list.status === "loading" ? <p role="status">Loading admins…</p> : null}
      {list.status === "error" ? (
        <p role="alert" className="alert">
          The admins could not be listed. Reload the page.
        </p>
      ) : null}
      {list.status === "ready" ? (
        <ul className={styles.list} aria-label="Admins">
          {list.value.map((entry) => (
            <li key={entry.uid} className={styles.item} data-testid="admin-entry">
              <span>
                <strong>{entry.email ?? entry.uid}</strong>
                {entry.uid === selfUid ? <span className={styles.muted}> (you)</span> : null}
              </span>
              {entry.email ? (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy !== null}
                  onClick={() => void revoke(entry)}
                >
                  Revoke<span className="visually-hidden"> {entry.email}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
