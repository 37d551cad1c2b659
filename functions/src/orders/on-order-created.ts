import type { Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { auth } from "../admin-auth";
import { REGION, stripeSecretKey } from "../config";
import { emailLookup, type EmailLookup } from "../notifications/notify-status-change";
import type { PaymentProvider } from "../payments/provider";
import { providerFromConfig } from "../payments/select-provider";
import { classifyError } from "./classify-error";
import { isEventTooOld, ORDER_CREATED_MAX_EVENT_AGE_MS } from "./event-age";
import { ensurePaymentSession, type SessionOutcome } from "./payment-session";
import { reserveStock, type ReserveOutcome } from "./reserve-stock";
import { logSagaStep, logStatusMove } from "./saga-log";
import { settleFailedOrder, type Settlement } from "./settle-failure";

export interface OrderCreatedResult {
  reservation: ReserveOutcome;
  /** `failed`: the checkout could not be opened for good, and the order's payment failed. */
  session: SessionOutcome | "not_needed" | "failed";
}

/** The provider itself, or how to make it: a broken configuration then settles the order too. */
export type ProviderSource = PaymentProvider | (() => PaymentProvider);

const ACTOR = { type: "system", id: "onOrderCreated" } as const;

/**
 * ValidateOrder → CheckInventory (reserve) → start ProcessPayment (checkout session).
 * Safe to run any number of times for the same order. A permanent error ends the order with a
 * reason the shopper can read; a transient one is thrown so the trigger retries.
 */
export async function handleOrderCreated(
  db: Firestore,
  orderId: string,
  providerSource: ProviderSource,
  now: Date = new Date(),
  lookupEmail: EmailLookup = emailLookup(db, auth),
): Promise<OrderCreatedResult> {
  logSagaStep("created", "Order saga started", { orderId });
  let provider: PaymentProvider;
  let reservation: ReserveOutcome;
  try {
    provider = typeof providerSource === "function" ? providerSource() : providerSource;
    reservation = await reserveStock(db, orderId, { providerName: provider.name, now, lookupEmail });
  } catch (error) {
    return resultOf(await settlePermanent(db, orderId, error));
  }
  logReservation(orderId, reservation);
  if (reservation.kind === "rejected") return { reservation, session: "not_needed" };
  try {
    // Also runs when reservation was skipped: a previous delivery may have died before the session.
    const session = await ensurePaymentSession(db, orderId, provider);
    return { reservation, session };
  } catch (error) {
    const settlement = await settlePermanent(db, orderId, error);
    return { reservation, session: settlement.kind === "payment_failed" ? "failed" : "skipped" };
  }
}

/** Settles the order for a permanent error; rethrows a transient one for the trigger to retry. */
async function settlePermanent(db: Firestore, orderId: string, error: unknown): Promise<Settlement> {
  const failure = classifyError(error);
  if (failure.kind === "transient") {
    logger.warn("Order saga failed; the trigger will retry", { orderId, error: failure.detail });
    throw error;
  }
  return settleFailedOrder(db, orderId, failure.reason, ACTOR, {
    trigger: "onOrderCreated",
    orderId,
    status: null,
    kind: "permanent",
    detail: failure.detail,
    eventTime: null,
  });
}

function logReservation(orderId: string, reservation: ReserveOutcome): void {
  switch (reservation.kind) {
    case "reserved":
      logStatusMove(orderId, "pending", "awaiting_payment", { totalCents: reservation.totalCents });
      return;
    case "rejected":
      logStatusMove(orderId, "pending", "rejected", { reason: reservation.reason });
      return;
    case "skipped":
      logSagaStep("reservation_skipped", "Reservation skipped", { orderId, reason: reservation.reason });
  }
}

function resultOf(settlement: Settlement): OrderCreatedResult {
  switch (settlement.kind) {
    case "rejected":
      return { reservation: { kind: "rejected", reason: settlement.reason }, session: "not_needed" };
    case "payment_failed":
      return { reservation: { kind: "skipped", reason: "order was already priced" }, session: "failed" };
    case "unchanged":
      return {
        reservation: { kind: "skipped", reason: settlement.reason ?? "order is settled" },
        session: "not_needed",
      };
  }
}

export interface OrderCreatedEvent {
  orderId: string;
  /** The CloudEvent's time: when the order was written, the same on every redelivery. */
  time: string;
}

/**
 * The trigger's body. Redeliveries of an event older than the bound stop here: a pending order is
 * rejected, one whose checkout never opened fails its payment, and the give-up is recorded.
 */
export async function handleOrderCreatedEvent(
  db: Firestore,
  event: OrderCreatedEvent,
  providerSource: ProviderSource,
  now: Date = new Date(),
  lookupEmail?: EmailLookup,
): Promise<OrderCreatedResult | { gaveUp: Settlement }> {
  const { orderId } = event;
  if (!isEventTooOld(event.time, now, ORDER_CREATED_MAX_EVENT_AGE_MS)) {
    return handleOrderCreated(db, orderId, providerSource, now, lookupEmail);
  }
  const settlement = await settleFailedOrder(db, orderId, "Processing this order took too long.", ACTOR, {
    trigger: "onOrderCreated",
    orderId,
    status: null,
    kind: "gave_up",
    detail: `event from ${event.time} is older than ${ORDER_CREATED_MAX_EVENT_AGE_MS / 60_000} minutes`,
    eventTime: event.time,
  });
  return { gaveUp: settlement };
}

export const onOrderCreated = onDocumentCreated(
  {
    document: "orders/{orderId}",
    region: REGION,
    memory: "256MiB",
    maxInstances: 20,
    retry: true,
    secrets: [stripeSecretKey],
  },
  async (event) => {
    await handleOrderCreatedEvent(
      db,
      { orderId: event.params.orderId, time: event.time },
      providerFromConfig,
    );
  },
);
