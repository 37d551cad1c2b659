"use client";

import { useState } from "react";
import { LiveMessage } from "@/components/account/live-message";

interface ExpiryResult {
  expired: number;
}

/**
 * Runs the expiry of unpaid orders at once: the schedule runs it every 5 minutes in production and
 * never on the emulators, and an admin releasing a sold-out product's stock should not have to wait.
 */
export function ExpireUnpaidNow() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const [failure, setFailure] = useState("");

  async function run() {
    setBusy(true);
    setMessage("Expiring unpaid orders…");
    setFailure("");
    const { callAdmin, describeCallableError } = await import("@/lib/admin/call-admin");
    try {
      const { expired } = await callAdmin<ExpiryResult>("runScheduledJobNow", { job: "expireUnpaidOrders" });
      setMessage(
        expired === 0
          ? "No unpaid order is past its deadline."
          : `${expired} unpaid ${expired === 1 ? "order" : "orders"} expired; their stock is back.`,
      );
    } catch (error) {
      setMessage("");
      setFailure(describeCallableError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" className="button-secondary" disabled={busy} onClick={() => void run()}>
        Expire unpaid orders now
      </button>
      <LiveMessage kind="status" message={message} />
      <LiveMessage kind="alert" message={failure} />
    </div>
  );
}
