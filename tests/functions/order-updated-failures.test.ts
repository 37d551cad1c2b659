import { db } from "./support/saga-app";
import { FieldPath, type DocumentData, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import type { Change, FirestoreEvent } from "firebase-functions/v2/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import type { EmailLookup } from "../../functions/src/notifications/notify-status-change";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { handleOrderUpdatedEvent, onOrderUpdated } from "../../functions/src/orders/on-order-updated";
import { TRIGGER_FAILURES } from "../../functions/src/orders/trigger-failures";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { reservedOrder } from "./support/saga-flow";
import { seedProduct, seedStore, seedUser, stockOf } from "./support/seed";

const UID = "shopper-1";
const HOUR = 60 * 60_000;

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
  await seedUser(db, UID, "ada@example.test");
});

/** The order as a trigger's snapshot (a query result is a QueryDocumentSnapshot). */
async function orderSnapshot(orderId: string): Promise<QueryDocumentSnapshot> {
  const found = await db.collection("orders").where(FieldPath.documentId(), "==", orderId).get();
  const snapshot = found.docs[0];
  if (!snapshot) throw new Error(`Order ${orderId} does not exist`);
  return snapshot;
}

interface Moved {
  orderId: string;
  beforeSnap: QueryDocumentSnapshot;
  before: DocumentData;
  after: DocumentData;
}

/** A reserved order moved to `cancelled` the way the shopper's client does: stock still held. */
async function cancelledByShopper(): Promise<Moved> {
  const orderId = await reservedOrder(db, "mug", 2);
  const beforeSnap = await orderSnapshot(orderId);
  await db.collection("orders").doc(orderId).update({ status: "cancelled" });
  const after = (await orderSnapshot(orderId)).data();
  return { orderId, beforeSnap, before: beforeSnap.data(), after };
}

async function notificationExists(orderId: string, status: string): Promise<boolean> {
  return (await db.doc(`users/${UID}/notifications/${orderId}_${status}`).get()).exists;
}

async function failureRecord(orderId: string, status: string) {
  return (await db.collection(TRIGGER_FAILURES).doc(`onOrderUpdated_${orderId}_${status}`).get()).data();
}

const lookup: EmailLookup = async () => "ada@example.test";

describe("onOrderUpdated: bounded retries", () => {
  it("throws a transient failure so the trigger retries, then settles on the retry", async () => {
    const { orderId, before, after } = await cancelledByShopper();
    const authDown: EmailLookup = async () => {
      throw Object.assign(new Error("Auth is unavailable"), { code: "auth/internal-error" });
    };
    const event = { orderId, time: new Date().toISOString(), before, after };

    await expect(handleOrderUpdatedEvent(db, event, authDown)).rejects.toThrow("Auth is unavailable");
    expect(await notificationExists(orderId, "cancelled")).toBe(false);

    await expect(handleOrderUpdatedEvent(db, event, lookup)).resolves.toMatchObject({ kind: "settled" });
    expect(await notificationExists(orderId, "cancelled")).toBe(true);
    expect((await db.doc(`mail/${orderId}_cancelled`).get()).exists).toBe(true);
    expect(await stockOf(db, "mug")).toBe(10);
  });

  it("records a permanent failure and lets the event go", async () => {
    const { orderId, before, after } = await cancelledByShopper();
    const refused: EmailLookup = async () => {
      throw Object.assign(new Error("3 INVALID_ARGUMENT: bad"), { code: 3 });
    };

    const result = await handleOrderUpdatedEvent(
      db,
      { orderId, time: new Date().toISOString(), before, after },
      refused,
    );

    expect(result).toMatchObject({ kind: "failed" });
    expect(await failureRecord(orderId, "cancelled")).toMatchObject({
      trigger: "onOrderUpdated",
      orderId,
      status: "cancelled",
      kind: "permanent",
      detail: expect.stringContaining("INVALID_ARGUMENT"),
    });
  });

  it("stops retrying an event older than the bound through the trigger, leaving a record", async () => {
    const { orderId, beforeSnap, after } = await cancelledByShopper();
    const time = new Date(Date.now() - 2 * HOUR).toISOString();

    await onOrderUpdated.run(await orderUpdatedEvent(orderId, beforeSnap, time));

    expect(after.status).toBe("cancelled");
    expect(await notificationExists(orderId, "cancelled")).toBe(false);
    expect(await failureRecord(orderId, "cancelled")).toMatchObject({ kind: "gave_up", eventTime: time });
  });

  it("ignores an old event that changes no status, without a record", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const order = (await db.doc(`orders/${orderId}`).get()).data();
    const result = await handleOrderUpdatedEvent(
      db,
      { orderId, time: new Date(Date.now() - 2 * HOUR).toISOString(), before: order, after: order },
      lookup,
    );
    expect(result).toEqual({ kind: "unchanged" });
    expect((await db.collection(TRIGGER_FAILURES).get()).size).toBe(0);
  });

  it("still settles a fresh event through the trigger", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const beforeSnap = await orderSnapshot(orderId);
    await applyTransition(db, { orderId, event: "cancelled", actor: { type: "user", id: UID } });

    await onOrderUpdated.run(await orderUpdatedEvent(orderId, beforeSnap, new Date().toISOString()));

    expect(await notificationExists(orderId, "cancelled")).toBe(true);
  });
});

type OrderUpdatedEvent = FirestoreEvent<Change<QueryDocumentSnapshot> | undefined, { orderId: string }>;

/** The CloudEvent onOrderUpdated receives: `after` is the stored order, at the given time. */
async function orderUpdatedEvent(
  orderId: string,
  before: QueryDocumentSnapshot,
  time: string,
): Promise<OrderUpdatedEvent> {
  return {
    specversion: "1.0",
    id: `evt-updated-${orderId}`,
    source: `//firestore.googleapis.com/projects/${SAGA_PROJECT}/databases/(default)`,
    type: "google.cloud.firestore.document.v1.updated",
    time,
    subject: `documents/orders/${orderId}`,
    location: "us-central1",
    project: SAGA_PROJECT,
    database: "(default)",
    namespace: "(default)",
    document: `orders/${orderId}`,
    params: { orderId },
    data: { before, after: await orderSnapshot(orderId) },
  };
}
