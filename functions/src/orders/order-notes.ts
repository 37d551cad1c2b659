import type { Actor, OrderEvent, OrderNoteKind, OrderStatus } from "@hearth/domain";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { orderRef } from "./order-docs";

export interface OrderNote {
  /** Document id under orders/{id}/events; derived from what caused it, so a retry rewrites it. */
  id: string;
  status: OrderStatus;
  event: OrderEvent;
  kind: OrderNoteKind;
  actor: Actor;
  note: string;
}

/** A timeline entry that moves nothing: the order stays in `status`. */
export function writeOrderNote(tx: Transaction, db: Firestore, orderId: string, entry: OrderNote): void {
  tx.set(orderRef(db, orderId).collection("events").doc(entry.id), {
    from: entry.status,
    to: entry.status,
    event: entry.event,
    kind: entry.kind,
    actor: entry.actor,
    at: FieldValue.serverTimestamp(),
    note: entry.note.slice(0, 1000),
  });
}
