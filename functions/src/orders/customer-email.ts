import type { DocumentReference } from "firebase-admin/firestore";
import type { EmailLookup } from "../notifications/notify-status-change";
import { isUsableDocumentId } from "./document-id";

export interface Shopper {
  uid: string;
  email: string | null;
}

/**
 * The shopper's email for a still-pending order, read before the reservation transaction: an
 * Auth call does not belong inside a transaction that may run many times. Stored on the order,
 * it keeps the checkout request the same on every retry.
 */
export async function lookupShopper(
  ref: DocumentReference,
  lookupEmail: EmailLookup,
): Promise<Shopper | null> {
  const snap = await ref.get();
  const uid: unknown = snap.get("uid");
  if (snap.get("status") !== "pending" || typeof uid !== "string" || !isUsableDocumentId(uid)) return null;
  return { uid, email: await lookupEmail(uid) };
}
