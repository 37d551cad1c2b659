import { addressSchema, orderCreateSchema, userSchema, type Address, type OrderItem } from "@hearth/domain";
import { collection, doc, getDoc, serverTimestamp, writeBatch } from "firebase/firestore";
import { cartPath } from "@/lib/cart/account-cart";
import { getClientFirestore } from "@/lib/firebase/client-firestore";

/** users/{uid}.defaultAddress, or null when there is none (or no profile yet). */
export async function readDefaultAddress(uid: string): Promise<Address | null> {
  const snapshot = await getDoc(doc(getClientFirestore(), "users", uid));
  const address = userSchema.shape.defaultAddress.safeParse(snapshot.get("defaultAddress"));
  return address.success ? address.data : null;
}

/**
 * Writes the order exactly as firestore.rules' validNewOrder allows (uid, items, shippingAddress,
 * status "pending", createdAt = request time) and empties those lines from the cart in the same
 * batch, so the cart is emptied if and only if the order is placed. onOrderCreated prices it.
 */
export async function placeOrder(uid: string, items: OrderItem[], shippingAddress: Address): Promise<string> {
  const db = getClientFirestore();
  const order = orderCreateSchema.parse({
    uid,
    items,
    shippingAddress: addressSchema.parse(shippingAddress),
    status: "pending",
    createdAt: new Date(),
  });
  const ref = doc(collection(db, "orders"));
  const batch = writeBatch(db);
  batch.set(ref, { ...order, createdAt: serverTimestamp() });
  for (const item of items) batch.delete(doc(db, cartPath(uid), item.productId));
  await batch.commit();
  return ref.id;
}
