import { notificationSchema, toMillis } from "@hearth/domain";
import {
  collection,
  doc,
  limit,
  onSnapshot,
  orderBy,
  query,
  updateDoc,
  where,
  writeBatch,
  type CollectionReference,
} from "firebase/firestore";
import { z } from "zod";
import { getClientFirestore } from "@/lib/firebase/client-firestore";

/**
 * users/{uid}/notifications from the browser (Cloud Functions write them). Loaded with
 * `await import(...)`. Both queries use single-field indexes only (no composite index needed).
 */

export const NOTIFICATIONS_SHOWN = 50;

export type NotificationItem = {
  id: string;
  title: string;
  body: string;
  orderId: string | null;
  read: boolean;
  /** null while a just-written server timestamp is pending. */
  createdAtMillis: number | null;
};

const storedSchema = notificationSchema.extend({ createdAt: notificationSchema.shape.createdAt.nullable() });

function notificationsOf(uid: string): CollectionReference {
  return collection(getClientFirestore(), "users", uid, "notifications");
}

/** The number of unread notifications, live. */
export function watchUnreadCount(
  uid: string,
  onCount: (count: number) => void,
  onError: () => void,
): () => void {
  return onSnapshot(
    query(notificationsOf(uid), where("read", "==", false)),
    (snapshot) => onCount(snapshot.size),
    (error) => {
      console.warn("Could not watch notifications", error);
      onError();
    },
  );
}

/** The newest notifications, live; documents that do not parse are skipped. */
export function watchNotifications(
  uid: string,
  onItems: (items: NotificationItem[]) => void,
  onError: () => void,
): () => void {
  return onSnapshot(
    query(notificationsOf(uid), orderBy("createdAt", "desc"), limit(NOTIFICATIONS_SHOWN)),
    { includeMetadataChanges: false },
    (snapshot) => {
      const items: NotificationItem[] = [];
      for (const document of snapshot.docs) {
        const parsed = storedSchema.safeParse(document.data({ serverTimestamps: "estimate" }));
        if (!parsed.success) {
          console.warn(`Skipping invalid notification ${document.id}`, z.prettifyError(parsed.error));
          continue;
        }
        const { title, body, orderId, read, createdAt } = parsed.data;
        items.push({
          id: document.id,
          title,
          body,
          orderId,
          read,
          createdAtMillis: createdAt ? toMillis(createdAt) : null,
        });
      }
      onItems(items);
    },
    (error) => {
      console.warn("Could not read notifications", error);
      onError();
    },
  );
}

/** `read` is the one field the rules let the owner change. */
export async function markRead(uid: string, notificationId: string): Promise<void> {
  await updateDoc(doc(notificationsOf(uid), notificationId), { read: true });
}

export async function markAllRead(uid: string, notificationIds: readonly string[]): Promise<void> {
  const batch = writeBatch(getClientFirestore());
  for (const id of notificationIds) batch.update(doc(notificationsOf(uid), id), { read: true });
  await batch.commit();
}
