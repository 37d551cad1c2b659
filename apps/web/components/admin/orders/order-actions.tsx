"use client";

import {
  allowedEvents,
  centsToDecimalString,
  formatMoney,
  parseMoneyToCents,
  type Order,
} from "@hearth/domain";
import { useState } from "react";
import { LiveMessage } from "@/components/account/live-message";
import styles from "@/components/admin/categories/categories.module.css";
import { ShipOrderForm } from "./ship-order-form";
import { useAdminAction } from "./use-admin-action";

/** What is left to refund: the total minus what was given back already. */
function refundable(order: Order): number {
  return Math.max(0, (order.totalCents ?? 0) - (order.payment?.refundedCents ?? 0));
}

/**
 * The moves the state machine allows from this status, each through its admin callable: ship,
 * deliver, cancel (a paid order is refunded in full) and refund (all or part). The order page is
 * live, so a result shows as soon as the server has written it.
 */
export function OrderActions({ orderId, order }: { orderId: string; order: Order }) {
  const { busy, message, run } = useAdminAction();
  const [confirming, setConfirming] = useState<"cancel" | "refund" | null>(null);
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState("");
  const events = allowedEvents(order.status);
  const currency = order.currency ?? "USD";
  const left = refundable(order);
  const canRefund = events.includes("refunded") && left > 0 && !order.payment?.pendingRefund;
  const canCancel = events.includes("cancelled");

  async function refund() {
    const text = amount.trim();
    let amountCents: number | undefined;
    if (text) {
      const parsed = parseMoneyToCents(text, currency);
      if (!parsed.ok || parsed.cents < 1 || parsed.cents > left) {
        setAmountError(
          parsed.ok
            ? `Enter an amount above 0 and at most ${centsToDecimalString(left, currency)}.`
            : `${parsed.error}.`,
        );
        return;
      }
      amountCents = parsed.cents;
    }
    setAmountError("");
    const done = await run(
      "adminRefundOrder",
      amountCents === undefined ? { orderId } : { orderId, amountCents },
      `Refund of ${formatMoney(amountCents ?? left, currency)} sent to the payment provider.`,
    );
    if (done) {
      setConfirming(null);
      setAmount("");
    }
  }

  if (!events.includes("shipped") && !events.includes("delivered") && !canCancel && !canRefund) {
    return <p className={styles.muted}>No actions: this order is {order.status.replace("_", " ")}.</p>;
  }

  return (
    <div className={styles.list}>
      {events.includes("shipped") ? (
        <ShipOrderForm
          busy={busy !== null}
          onShip={(shipment) =>
            run("adminUpdateOrderStatus", { orderId, event: "shipped", ...shipment }, "Marked shipped.")
          }
        />
      ) : null}
      {events.includes("delivered") ? (
        <div className={styles.formActions}>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() =>
              void run("adminUpdateOrderStatus", { orderId, event: "delivered" }, "Marked delivered.")
            }
          >
            {busy === "adminUpdateOrderStatus" ? "Saving…" : "Mark delivered"}
          </button>
        </div>
      ) : null}
      {canRefund && confirming !== "refund" ? (
        <div className={styles.formActions}>
          <button type="button" className="button-secondary" onClick={() => setConfirming("refund")}>
            Refund…
          </button>
        </div>
      ) : null}
      {confirming === "refund" ? (
        <div className={styles.form} role="group" aria-label="Refund">
          <div className="field">
            <label className="field-label" htmlFor="refund-amount">
              Amount ({currency})
            </label>
            <input
              id="refund-amount"
              className="input"
              inputMode="decimal"
              value={amount}
              placeholder={centsToDecimalString(left, currency)}
              aria-describedby={amountError ? "refund-amount-hint refund-amount-error" : "refund-amount-hint"}
              aria-invalid={amountError ? true : undefined}
              onChange={(event) => setAmount(event.target.value)}
            />
            <p id="refund-amount-hint" className="field-hint">
              Empty: everything not refunded yet, {formatMoney(left, currency)}.
            </p>
            {amountError ? (
              <p id="refund-amount-error" className="field-error">
                {amountError}
              </p>
            ) : null}
          </div>
          <div className={styles.formActions}>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void refund()}>
              {busy === "adminRefundOrder" ? "Refunding…" : "Refund"}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
              Keep the money
            </button>
          </div>
        </div>
      ) : null}
      {canCancel ? (
        <div className={styles.formActions} role="group" aria-label="Cancel the order">
          {confirming === "cancel" ? (
            <>
              <span>
                {order.status === "paid"
                  ? `Cancel and refund ${formatMoney(left, currency)}? The items go back into stock.`
                  : "Cancel this order? Its reserved items go back into stock."}
              </span>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() =>
                  void run("adminCancelOrder", { orderId }, "Order cancelled.").then(() =>
                    setConfirming(null),
                  )
                }
              >
                {busy === "adminCancelOrder" ? "Cancelling…" : "Yes, cancel it"}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming("cancel")}>
              Cancel order…
            </button>
          )}
        </div>
      ) : null}
      <LiveMessage kind="status" message={message.kind === "status" ? message.text : ""} />
      <LiveMessage kind="alert" message={message.kind === "alert" ? message.text : ""} />
    </div>
  );
}
