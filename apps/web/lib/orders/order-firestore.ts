import {
  idSchema,
  orderEventRecordSchema,
  orderSchema,
  type Order,
  type OrderEventRecord,
} from "@hearth/domain";
import {
  collection,
  doc,
  getDocs,
  limit,
  onSnapshot,
  orderBy,
  query,
  serverTimestamp,
  startAfter,
  updateDoc,
  where,
  type DocumentSnapshot,
  type FirestoreError,
} from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";

export type OrderSnapshot = { status: "found"; order: Order } | { status: "not-found" };
export type TimelineEntry = OrderEventRecord & { id: string };

const isRefused = (error: FirestoreError) => error.code === "permission-denied" || error.code === "not-found";

/**
 * orders/{id}, live. Another shopper's order and a missing one look the same ("not-found"): the
 * rules refuse the first, and the page must not tell which ids exist.
 */
export function watchOrder(
  orderId: string,
  onOrder: (snapshot: OrderSnapshot) => void,
  onError: (error: Error) => void,
): () => void {
  if (!idSchema.safeParse(orderId).success) {
    onOrder({ status: "not-found" });
    return () => undefined;
  }
  return onSnapshot(
    doc(getClientFirestore(), "orders", orderId),
    (snapshot) => {
      const parsed = orderSchema.safeParse(snapshot.data({ serverTimestamps: "estimate" }));
      if (!snapshot.exists()) onOrder({ status: "not-found" });
      else if (parsed.success) onOrder({ status: "found", order: parsed.data });
      else onError(new Error(`orders/${orderId} does not match the order schema: ${parsed.error.message}`));
    },
    (error) => (isRefused(error) ? onOrder({ status: "not-found" }) : onError(error)),
  );
}

/** orders/{id}/events oldest first, live: status changes and notes (entries with a `kind`). */
export function watchOrderEvents(
  orderId: string,
  onEvents: (events: TimelineEntry[]) => void,
  onError: (error: Error) => void,
): () => void {
  if (!idSchema.safeParse(orderId).success) return () => undefined;
  return onSnapshot(
    query(collection(getClientFirestore(), "orders", orderId, "events"), orderBy("at", "asc")),
    (snapshot) =>
      onEvents(
        snapshot.docs.flatMap((event) => {
          const parsed = orderEventRecordSchema.safeParse(event.data({ serverTimestamps: "estimate" }));
          return parsed.success ? [{ ...parsed.data, id: event.id }] : [];
        }),
      ),
    (error) => (isRefused(error) ? onEvents([]) : onError(error)),
  );
}

/** The one change a shopper may make (firestore.rules isShopperCancel), before payment. */
export async function cancelOrder(orderId: string): Promise<void> {
  await updateDoc(doc(getClientFirestore(), "orders", orderId), {
    status: "cancelled",
    cancelledAt: serverTimestamp(),
    updatedAt: serverTimestamp(),
  });
}

export const ORDERS_PAGE_SIZE = 10;

export interface OrdersPage {
  orders: { id: string; order: Order }[];
  /** Where the next page starts, or null on the last page. */
  next: DocumentSnapshot | null;
}

/**
 * One page of the shopper's orders, newest first: `where uid == me, orderBy createdAt desc`, with
 * the composite index (uid ASC, createdAt DESC) in firestore.indexes.json.
 */
export async function listMyOrders(uid: string, after: DocumentSnapshot | null): Promise<OrdersPage> {
  const base = query(
    collection(getClientFirestore(), "orders"),
    where("uid", "==", uid),
    orderBy("createdAt", "desc"),
    limit(ORDERS_PAGE_SIZE + 1),
  );
  const snapshot = await getDocs(after ? query(base, startAfter(after)) : base);
  const docs = snapshot.docs.slice(0, ORDERS_PAGE_SIZE);
  const orders = docs.flatMap((order) => {
    const parsed = orderSchema.safeParse(order.data({ serverTimestamps: "estimate" }));
    return parsed.success ? [{ id: order.id, order: parsed.data }] : [];
  });
  const last = docs.at(-1);
  return { orders, next: snapshot.docs.length > ORDERS_PAGE_SIZE && last ? last : null };
}
