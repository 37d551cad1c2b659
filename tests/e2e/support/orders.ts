import {
  addressSchema,
  orderCreateSchema,
  orderSchema,
  userSchema,
  type Order,
  type OrderItem,
} from "@hearth/domain";
import { FieldValue } from "firebase-admin/firestore";
import { expect } from "vitest";
import { adminFirestore } from "./admin";

export const SHIPPING_ADDRESS = addressSchema.parse({
  name: "Ada Shopper",
  line1: "1 Test Street",
  city: "Testville",
  postalCode: "12345",
  country: "US",
});

/** A shopper profile as the storefront creates it at sign-up. */
export async function seedShopper(uid: string, email: string): Promise<void> {
  const profile = userSchema.parse({
    displayName: "Ada",
    email,
    createdAt: new Date(),
    defaultAddress: null,
  });
  await adminFirestore()
    .doc(`users/${uid}`)
    .set({ ...profile, createdAt: FieldValue.serverTimestamp() });
}

/**
 * Writes exactly what the storefront writes when a shopper places an order (the shape the security
 * rules accept on create, with createdAt = server time), so the real onOrderCreated trigger runs.
 */
export async function placeOrder(uid: string, items: OrderItem[]): Promise<string> {
  const order = orderCreateSchema.parse({
    uid,
    items,
    shippingAddress: SHIPPING_ADDRESS,
    status: "pending",
    createdAt: new Date(),
  });
  const ref = adminFirestore().collection("orders").doc();
  await ref.create({ ...order, createdAt: FieldValue.serverTimestamp() });
  return ref.id;
}

export async function readOrder(orderId: string): Promise<Order> {
  return orderSchema.parse((await adminFirestore().doc(`orders/${orderId}`).get()).data());
}

export async function stockOf(productId: string): Promise<number> {
  const stock: unknown = (await adminFirestore().doc(`products/${productId}`).get()).get("stock");
  if (typeof stock !== "number") throw new Error(`Product ${productId} has no stock`);
  return stock;
}

/** Polls Firestore until the order reaches `status` (the saga runs in the Functions emulator). */
export async function orderReaches(
  orderId: string,
  status: Order["status"],
  timeout = 60_000,
): Promise<Order> {
  await expect.poll(async () => (await readOrder(orderId)).status, { timeout, interval: 200 }).toBe(status);
  return readOrder(orderId);
}
