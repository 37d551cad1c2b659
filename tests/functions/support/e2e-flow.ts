import type { DocumentData } from "firebase-admin/firestore";
import { db } from "./e2e-app";
import { waitFor } from "./emulators";
import { orderData } from "./seed";

/** Waits for the real onOrderCreated trigger to reserve stock and store the payment session. */
export function awaitingPayment(orderId: string): Promise<DocumentData> {
  return waitFor(`order ${orderId} awaiting payment with a session`, async () => {
    const order = await orderData(db, orderId);
    return order.status === "awaiting_payment" && order.payment?.sessionId ? order : null;
  });
}

export function orderWith(orderId: string, predicate: (order: DocumentData) => boolean, label: string) {
  return waitFor(`order ${orderId} ${label}`, async () => {
    const order = await orderData(db, orderId);
    return predicate(order) ? order : null;
  });
}

/** Waits for onOrderUpdated to notify the shopper about a status. */
export function notified(uid: string, orderId: string, status: string): Promise<DocumentData> {
  return waitFor(`notification ${orderId}_${status}`, async () => {
    const snap = await db.doc(`users/${uid}/notifications/${orderId}_${status}`).get();
    return snap.exists ? (snap.data() ?? null) : null;
  });
}

export async function ids(path: string): Promise<string[]> {
  return (await db.collection(path).get()).docs.map((doc) => doc.id).sort();
}
