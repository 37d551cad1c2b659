import {
  orderEvents,
  orderSchema,
  transitions,
  type Order,
  type OrderEvent,
  type OrderStatus,
} from "@hearth/domain";
import type { DocumentData, DocumentReference, Firestore } from "firebase-admin/firestore";

export const ORDERS = "orders";

export function orderRef(db: Firestore, orderId: string): DocumentReference {
  return db.collection(ORDERS).doc(orderId);
}

/** orders/{orderId}/events/{event}: one record per event, which the acyclic state machine allows. */
export function orderEventRef(db: Firestore, orderId: string, event: OrderEvent): DocumentReference {
  return orderRef(db, orderId).collection("events").doc(event);
}

export function parseOrder(data: DocumentData | undefined): Order | null {
  const parsed = orderSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Each status is reached by exactly one event, so the event that led to a status is known. */
export function eventForStatus(status: OrderStatus): OrderEvent | null {
  return orderEvents.find((event) => transitions[event].to === status) ?? null;
}

/** The timestamp field an event stamps on the order. */
export const stampFieldFor: Record<OrderEvent, string> = {
  priced: "pricedAt",
  rejected: "rejectedAt",
  payment_processing: "processingAt",
  payment_succeeded: "paidAt",
  payment_failed: "failedAt",
  expired: "expiredAt",
  cancelled: "cancelledAt",
  shipped: "shippedAt",
  delivered: "deliveredAt",
  refunded: "refundedAt",
};
