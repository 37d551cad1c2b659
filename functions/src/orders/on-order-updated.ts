import { orderStatusSchema, type OrderStatus } from "@hearth/domain";
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { auth } from "../admin-auth";
import { REGION } from "../config";
import {
  emailLookup,
  notifyStatusChange,
  type EmailLookup,
  type NotifyOutcome,
} from "../notifications/notify-status-change";
import { classifyError } from "./classify-error";
import { isEventTooOld, ORDER_UPDATED_MAX_EVENT_AGE_MS } from "./event-age";
import { eventForStatus, orderEventRef, orderRef, parseOrder } from "./order-docs";
import { holdsReservedStock, readReleasePlan, releaseMarker, writeRelease } from "./release-stock";
import { logSagaStep, logStatusMove } from "./saga-log";
import { recordTriggerFailure } from "./trigger-failures";

/** Terminal statuses reached without fulfilment: whatever stock the order still holds goes back. */
const RELEASING: ReadonlySet<OrderStatus> = new Set(["payment_failed", "expired", "cancelled", "refunded"]);

export type OrderUpdatedResult =
  | { kind: "unchanged" }
  | { kind: "settled"; stockReleased: boolean; eventRecorded: boolean; notification: NotifyOutcome }
  /** Stopped for good (a permanent error, or an event too old to retry); see triggerFailures. */
  | { kind: "failed"; detail: string };

function statusOf(data: DocumentData | undefined): OrderStatus | null {
  const parsed = orderStatusSchema.safeParse(data?.status);
  return parsed.success ? parsed.data : null;
}

/**
 * Reacts to any status change, including the shopper's own cancel (a client write): releases
 * reserved stock once, records the audit event if the writer did not, and notifies the shopper.
 */
export async function handleOrderUpdated(
  db: Firestore,
  orderId: string,
  before: DocumentData | undefined,
  after: DocumentData | undefined,
  lookupEmail: EmailLookup,
): Promise<OrderUpdatedResult> {
  const from = statusOf(before);
  const to = statusOf(after);
  // Functions update orders without changing status too (payment session, markers): stop here.
  if (!to || from === to) return { kind: "unchanged" };

  const settled = await settleStatusChange(db, orderId, from, to);
  if (settled.eventRecorded) logStatusMove(orderId, from, to, { actor: "user" });
  if (settled.stockReleased)
    logSagaStep("stock_released", "Released stock after a status change", { orderId, status: to });
  const notification = await notifyStatusChange(db, orderId, to, lookupEmail);
  return { kind: "settled", ...settled, notification };
}

async function settleStatusChange(db: Firestore, orderId: string, from: OrderStatus | null, to: OrderStatus) {
  const ref = orderRef(db, orderId);
  const event = eventForStatus(to);
  return db.runTransaction(async (tx) => {
    const order = parseOrder((await tx.get(ref)).data());
    if (!order || !event) return { stockReleased: false, eventRecorded: false };
    const eventRef = orderEventRef(db, orderId, event);
    const eventExists = (await tx.get(eventRef)).exists;
    const plan =
      RELEASING.has(order.status) && holdsReservedStock(order) ? await readReleasePlan(tx, db, order) : null;

    if (plan) {
      writeRelease(tx, ref, plan);
      tx.update(ref, releaseMarker());
    }
    if (!eventExists) {
      // Functions record their own moves; a missing record means the shopper's client wrote it.
      tx.set(eventRef, {
        from,
        to,
        event,
        actor: { type: "user", id: order.uid },
        at: order.updatedAt ?? order.cancelledAt ?? new Date(),
      });
    }
    return { stockReleased: plan !== null, eventRecorded: !eventExists };
  });
}

export interface OrderUpdatedEvent {
  orderId: string;
  /** The CloudEvent's time: when the order changed, the same on every redelivery. */
  time: string;
  before: DocumentData | undefined;
  after: DocumentData | undefined;
}

/**
 * The trigger's body: a transient error is thrown (the trigger retries) until the event is older
 * than the bound; then, or at once for a permanent error, the failure is logged and recorded in
 * triggerFailures and the event is let go.
 */
export async function handleOrderUpdatedEvent(
  db: Firestore,
  event: OrderUpdatedEvent,
  lookupEmail: EmailLookup,
  now: Date = new Date(),
): Promise<OrderUpdatedResult> {
  const { orderId, before, after } = event;
  const to = statusOf(after);
  if (!to || statusOf(before) === to) return { kind: "unchanged" };
  const failure = { trigger: "onOrderUpdated", orderId, status: to, settlement: "unchanged" } as const;

  if (isEventTooOld(event.time, now, ORDER_UPDATED_MAX_EVENT_AGE_MS)) {
    const detail = `event from ${event.time} is older than ${ORDER_UPDATED_MAX_EVENT_AGE_MS / 60_000} minutes`;
    await recordTriggerFailure(db, { ...failure, kind: "gave_up", detail, eventTime: event.time });
    return { kind: "failed", detail };
  }
  try {
    return await handleOrderUpdated(db, orderId, before, after, lookupEmail);
  } catch (error) {
    const classified = classifyError(error);
    if (classified.kind === "transient") {
      logger.warn("Order update failed; the trigger will retry", {
        orderId,
        status: to,
        error: classified.detail,
      });
      throw error;
    }
    await recordTriggerFailure(db, {
      ...failure,
      kind: "permanent",
      detail: classified.detail,
      eventTime: event.time,
    });
    return { kind: "failed", detail: classified.detail };
  }
}

export const onOrderUpdated = onDocumentUpdated(
  { document: "orders/{orderId}", region: REGION, memory: "256MiB", maxInstances: 20, retry: true },
  async (event) => {
    const change = event.data;
    await handleOrderUpdatedEvent(
      db,
      {
        orderId: event.params.orderId,
        time: event.time,
        before: change?.before.data(),
        after: change?.after.data(),
      },
      emailLookup(db, auth),
    );
  },
);
