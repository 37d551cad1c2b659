"use client";

import { useState } from "react";

export type ActionMessage = { kind: "status" | "alert"; text: string };

/** Runs one admin callable at a time and keeps its outcome as a sentence for the page. */
export function useAdminAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage>({ kind: "status", text: "" });

  async function run(name: string, data: unknown, done: string): Promise<boolean> {
    setBusy(name);
    setMessage({ kind: "status", text: "" });
    const { callAdmin, describeCallableError } = await import("@/lib/admin/call-admin");
    try {
      await callAdmin(name, data);
      setMessage({ kind: "status", text: done });
      return true;
    } catch (error) {
      setMessage({ kind: "alert", text: describeCallableError(error) });
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, message, run };
}
