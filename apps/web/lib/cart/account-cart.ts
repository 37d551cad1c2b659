import { cartItemSchema, toMillis } from "@hearth/domain";
import {
  collection,
  doc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  Timestamp,
  writeBatch,
  type Firestore,
} from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { sortLines, type CartLine } from "./cart-line";

export const cartPath = (uid: string) => `users/${uid}/cart`;

/** users/{uid}/cart, live. Documents the domain schema refuses are left out. */
export function watchAccountCart(
  uid: string,
  onLines: (lines: CartLine[]) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    collection(getClientFirestore(), cartPath(uid)),
    (snapshot) => {
      const lines = snapshot.docs.flatMap((item) => {
        const parsed = cartItemSchema.safeParse(item.data({ serverTimestamps: "estimate" }));
        if (!parsed.success) return [];
        const { quantity, addedAt } = parsed.data;
        return [{ productId: item.id, quantity, addedAt: toMillis(addedAt) }];
      });
      onLines(sortLines(lines));
    },
    onError,
  );
}

/** Exactly the {quantity, addedAt} the rules allow; a line keeps the time it was first added. */
export function cartItemData(quantity: number, addedAt: number | null) {
  return { quantity, addedAt: addedAt === null ? serverTimestamp() : Timestamp.fromMillis(addedAt) };
}

export async function setAccountQuantity(
  uid: string,
  productId: string,
  quantity: number,
  addedAt: number | null,
): Promise<void> {
  const db = getClientFirestore();
  await setDoc(doc(db, cartPath(uid), productId), cartItemData(quantity, addedAt));
}

export async function removeAccountLines(
  uid: string,
  productIds: readonly string[],
  db: Firestore = getClientFirestore(),
): Promise<void> {
  const batch = writeBatch(db);
  for (const productId of productIds) batch.delete(doc(db, cartPath(uid), productId));
  await batch.commit();
}
