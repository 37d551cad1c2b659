"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { PayState } from "./actions";
import styles from "./page.module.css";

const initial: PayState = { kind: "idle", message: "" };

export function PayButtons({
  statusLabel,
  action,
  orderPath,
}: {
  statusLabel: string;
  action: (previous: PayState, form: FormData) => Promise<PayState>;
  /** The storefront's order page: Stripe's success_url / cancel_url without their query. */
  orderPath: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const settled = state.kind === "done";

  return (
    <form action={formAction} className={styles.form} aria-busy={pending}>
      <p className={styles.status}>
        Status: <strong>{state.statusLabel ?? statusLabel}</strong>
      </p>
      <div className={styles.buttons}>
        <button type="submit" name="outcome" value="pay" className="button" disabled={pending || settled}>
          Pay
        </button>
        <button
          type="submit"
          name="outcome"
          value="decline"
          className={styles.secondary}
          disabled={pending || settled}
        >
          Decline
        </button>
        <button
          type="submit"
          name="outcome"
          value="expire"
          className={styles.secondary}
          disabled={pending || settled}
        >
          Let it expire
        </button>
      </div>
      <p role="status" className={state.kind === "error" ? styles.error : styles.result}>
        {pending ? "Talking to the payment webhook…" : state.message}
      </p>
      <p>
        {settled ? (
          <Link href={`${orderPath}?checkout=success`}>View your order</Link>
        ) : (
          <Link href={`${orderPath}?checkout=cancelled`}>Back to your order</Link>
        )}
      </p>
    </form>
  );
}
