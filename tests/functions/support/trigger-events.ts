import { FieldPath, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { SAGA_PROJECT } from "./emulators";
import type { FirestoreEvent } from "firebase-functions/v2/firestore";

export type OrderCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { orderId: string }>;

/** The CloudEvent the Firestore trigger would receive for the order's creation. */
export async function orderCreatedEvent(
  db: Firestore,
  orderId: string,
  eventId: string,
): Promise<OrderCreatedEvent> {
  const found = await db.collection("orders").where(FieldPath.documentId(), "==", orderId).get();
  const projectId = SAGA_PROJECT;
  return {
    specversion: "1.0",
    id: eventId,
    source: `//firestore.googleapis.com/projects/${projectId}/databases/(default)`,
    type: "google.cloud.firestore.document.v1.created",
    time: new Date().toISOString(),
    subject: `documents/orders/${orderId}`,
    location: "us-central1",
    project: projectId,
    database: "(default)",
    namespace: "(default)",
    document: `orders/${orderId}`,
    params: { orderId },
    data: found.docs[0],
  };
}
