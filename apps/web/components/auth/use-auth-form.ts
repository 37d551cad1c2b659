"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authErrorMessage } from "@/lib/auth/auth-errors";
import { useUser } from "@/lib/auth/use-user";

type Phase = { kind: "idle" } | { kind: "pending" } | { kind: "error"; message: string } | { kind: "done" };

/**
 * What the sign-in and sign-up forms share: the account, the submission's phase and message, and
 * the way back to `next` once signed in (by the form or by the Google button).
 */
export function useAuthForm(next: string, act: (form: FormData) => Promise<void>) {
  const auth = useUser();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  function finish() {
    setPhase({ kind: "done" });
    router.replace(next);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPhase({ kind: "pending" });
    try {
      await act(form);
      finish();
    } catch (caught) {
      setPhase({ kind: "error", message: authErrorMessage(caught) });
    }
  }

  return {
    auth,
    phase,
    pending: phase.kind === "pending" || phase.kind === "done",
    error: phase.kind === "error" ? phase.message : "",
    /** The `next` parameter to carry to the other form. */
    query: next === "/" ? "" : `?next=${encodeURIComponent(next)}`,
    handleSubmit,
    /** For the Google button. */
    google: {
      onStart: () => setPhase({ kind: "pending" }),
      onDone: finish,
      onError: (message: string) => setPhase({ kind: "error", message }),
    },
  };
}
