import type { OrderStatus } from "@hearth/domain";
import * as logger from "firebase-functions/logger";

/** The status an order reached, as a step; reaching awaiting_payment is "reserved". */
export type StatusStep = Exclude<OrderStatus, "pending" | "awaiting_payment"> | "reserved";

/** What happened to an order, as the `step` field of its log entry: one name per saga step. */
export type SagaStep =
  | StatusStep
  | "created"
  | "reservation_skipped"
  /** The reservation committed after retries (contention on a product) or shard rebalances. */
  | "reservation_contended"
  /** The reservation transaction gave up; the trigger retries the event. */
  | "reservation_failed"
  | "session_created"
  | "session_exists"
  | "webhook_applied"
  | "webhook_ignored"
  | "webhook_duplicate"
  | "webhook_refused"
  | "refund_recorded"
  | "late_refund"
  | "stock_released"
  | "notification_sent"
  | "trigger_failed";

/**
 * Structured fields every saga entry carries: `orderId` (null only when an event names no usable
 * order), `step`, and when known the order's `status` and the provider's `eventId`.
 */
export interface SagaFields {
  orderId: string | null;
  status?: OrderStatus | null;
  eventId?: string;
  [detail: string]: unknown;
}

export type SagaLevel = "debug" | "info" | "warn" | "error";

/** One log entry per saga step, so a single order's whole story is one query on `orderId`. */
export function logSagaStep(
  step: SagaStep,
  message: string,
  fields: SagaFields,
  level: SagaLevel = "info",
): void {
  logger[level](message, { ...fields, step });
}

export function statusStep(status: OrderStatus): StatusStep | null {
  if (status === "pending") return null;
  return status === "awaiting_payment" ? "reserved" : status;
}

/** A status move a function committed (or, seen by onOrderUpdated, one a shopper wrote). */
export function logStatusMove(
  orderId: string,
  from: OrderStatus | null,
  to: OrderStatus,
  details: Record<string, unknown> = {},
): void {
  const step = statusStep(to);
  if (!step) return;
  logSagaStep(step, `Order ${orderId}: ${from ?? "new"} → ${to}`, { ...details, orderId, status: to, from });
}
