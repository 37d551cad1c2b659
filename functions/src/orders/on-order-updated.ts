import { orderStatusSchema, type OrderStatus } from "@hearth/domain";
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { auth, db } from "../admin";
import { REGION } from "../config";
import {
  emailLookup,
  notifyStatusChange,
  type EmailLookup,
  type NotifyOutcome,
} from "../notifications/notify-status-change";
import { eventForStatus, orderEventRef, orderRef, parseOrder } from "./order-docs";
import { holdsReservedStock, readReleasePlan, releaseMarker, writeRelease } from "./release-stock";

/** Terminal statuses reached without fulfilment: whatever stock the order still holds goes back. */
const RELEASING: ReadonlySet<OrderStatus> = new Set(["payment_failed", "expired", "cancelled", "refunded"]);

export type OrderUpdatedResult =
  | { kind: "unchanged" }
  | { kind: "settled"; stockReleased: boolean; eventRecorded: boolean; notification: NotifyOutcome };

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
      logger.info("Released stock after a status change", { orderId, status: order.status });
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

export const onOrderUpdated = onDocumentUpdated(
  { document: "orders/{orderId}", region: REGION, memory: "256MiB", maxInstances: 20, retry: true },
  async (event) => {
    const change = event.data;
    await handleOrderUpdated(
      db,
      event.params.orderId,
      change?.before.data(),
      change?.after.data(),
      emailLookup(db, auth),
    );
  },
);
