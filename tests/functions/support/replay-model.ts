import type { OrderStatus } from "@hearth/domain";
import type { StripeEvent } from "@hearth/stripe-events";

/**
 * What each webhook event of a story is, and what the saga must have made of an order once each
 * event counted once, in the order of its first delivery: the oracle of the replay tests.
 */
export type EventKind =
  "declined" | "paid" | "unpaid" | "async_succeeded" | "async_failed" | "expired" | "refund" | "unhandled";

export interface StoryEvent {
  kind: EventKind;
  event: StripeEvent;
  /** For "refund": Stripe's running total. */
  refundedCents?: number;
}

export interface Expected {
  status: OrderStatus;
  failedAttempts: number;
  refundedCents: number;
  /** orders/{id}/events document ids. */
  timeline: string[];
  notices: string[];
  mails: string[];
  stockReleased: boolean;
  lateRefund: boolean;
  /** webhookEvents outcome per handled event id; unhandled types leave no record. */
  outcomes: Map<string, "applied" | "ignored">;
}

const LATE: ReadonlySet<OrderStatus> = new Set(["expired", "payment_failed", "cancelled", "rejected"]);
const KEPT: ReadonlySet<OrderStatus> = new Set(["paid", "shipped", "delivered"]);
const PAID_ONCE: ReadonlySet<OrderStatus> = new Set(["paid", "shipped", "delivered", "refunded"]);

/** Runs the story's events, each once, from an order just reserved (awaiting payment). */
export function expectedAfter(orderId: string, totalCents: number, events: StoryEvent[]): Expected {
  const state: Expected = {
    status: "awaiting_payment",
    failedAttempts: 0,
    refundedCents: 0,
    timeline: ["priced"],
    notices: [],
    mails: [],
    stockReleased: false,
    lateRefund: false,
    outcomes: new Map(),
  };
  const move = (to: OrderStatus, record: string, releases: boolean) => {
    state.status = to;
    state.timeline.push(record);
    if (releases) state.stockReleased = true;
    return "applied" as const;
  };
  const pays = (): "applied" | "ignored" => {
    if (state.status === "awaiting_payment" || state.status === "payment_processing") {
      return move("paid", "payment_succeeded", false);
    }
    if (LATE.has(state.status) && !state.lateRefund) {
      state.lateRefund = true;
      state.timeline.push("late_payment_refunded");
      state.notices.push(`${orderId}_late_refund`);
      state.mails.push(`${orderId}_late_refund`);
    }
    return "ignored";
  };

  for (const { kind, event, refundedCents = 0 } of events) {
    const id = event.id;
    const outcome = ((): "applied" | "ignored" | null => {
      switch (kind) {
        case "unhandled":
          return null;
        case "declined":
          if (state.status !== "awaiting_payment") return "ignored";
          state.failedAttempts += 1;
          state.timeline.push(`attempt_failed_${id}`);
          state.notices.push(`${orderId}_declined_${id}`);
          return "applied";
        case "paid":
        case "async_succeeded":
          return pays();
        case "unpaid":
          return state.status === "awaiting_payment"
            ? move("payment_processing", "payment_processing", false)
            : "ignored";
        case "async_failed":
          return state.status === "awaiting_payment" || state.status === "payment_processing"
            ? move("payment_failed", "payment_failed", true)
            : "ignored";
        case "expired":
          return state.status === "awaiting_payment" ? move("expired", "expired", true) : "ignored";
        case "refund":
          if (!PAID_ONCE.has(state.status) || refundedCents <= state.refundedCents) return "ignored";
          state.refundedCents = refundedCents;
          if (refundedCents >= totalCents && KEPT.has(state.status)) {
            return move("refunded", "refunded", state.status === "paid");
          }
          state.timeline.push(`refund_${id}`);
          return "applied";
      }
    })();
    if (outcome) state.outcomes.set(id, outcome);
  }
  state.timeline.sort();
  return state;
}

/** Each event's first delivery, in delivery order. */
export function firstArrivals<T extends { event: StripeEvent }>(deliveries: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const delivery of deliveries)
    if (!first.has(delivery.event.id)) first.set(delivery.event.id, delivery);
  return [...first.values()];
}
