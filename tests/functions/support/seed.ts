import {
  orderCreateSchema,
  productSchema,
  storeConfigSchema,
  type OrderItem,
  type Product,
  type StoreConfig,
} from "@hearth/domain";
import { Timestamp, type DocumentData, type Firestore } from "firebase-admin/firestore";

export const STORE_CONFIG: StoreConfig = storeConfigSchema.parse({
  storeName: "Hearth Test Store",
  currency: "USD",
  shipping: { flatCents: 500, freeOverCents: 10_000 },
  lowStockThreshold: 3,
});

export const ADDRESS = {
  name: "Ada Shopper",
  line1: "1 Test Street",
  city: "Testville",
  postalCode: "12345",
  country: "US",
};

export async function seedStore(db: Firestore, config: StoreConfig = STORE_CONFIG): Promise<void> {
  await db.collection("config").doc("store").set(config);
}

export function productDoc(id: string, overrides: Partial<Product> = {}): Product {
  const now = Timestamp.now();
  return productSchema.parse({
    name: `Product ${id}`,
    slug: id.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    description: "A product for tests",
    priceCents: 1_000,
    currency: "USD",
    categoryId: "test-category",
    tags: [],
    status: "active",
    stock: 10,
    images: [],
    searchTokens: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

export async function seedProduct(
  db: Firestore,
  id: string,
  overrides: Partial<Product> = {},
): Promise<Product> {
  const product = productDoc(id, overrides);
  await db.collection("products").doc(id).set(product);
  return product;
}

export async function seedUser(db: Firestore, uid: string, email: string): Promise<void> {
  await db
    .collection("users")
    .doc(uid)
    .set({ displayName: "Ada", email, createdAt: Timestamp.now(), defaultAddress: null });
}

/** Exactly what the storefront writes when a shopper places an order. */
export function orderDoc(uid: string, items: OrderItem[]) {
  return orderCreateSchema.parse({
    uid,
    items,
    shippingAddress: ADDRESS,
    status: "pending",
    createdAt: Timestamp.now(),
  });
}

export async function placeOrder(
  db: Firestore,
  uid: string,
  items: OrderItem[],
  orderId?: string,
): Promise<string> {
  const ref = orderId ? db.collection("orders").doc(orderId) : db.collection("orders").doc();
  await ref.create(orderDoc(uid, items));
  return ref.id;
}

export async function stockOf(db: Firestore, productId: string): Promise<number> {
  const stock: unknown = (await db.collection("products").doc(productId).get()).get("stock");
  if (typeof stock !== "number") throw new Error(`Product ${productId} has no stock`);
  return stock;
}

export async function orderData(db: Firestore, orderId: string): Promise<DocumentData> {
  const data = (await db.collection("orders").doc(orderId).get()).data();
  if (!data) throw new Error(`Order ${orderId} does not exist`);
  return data;
}

export async function countDocs(db: Firestore, path: string): Promise<number> {
  return (await db.collection(path).count().get()).data().count;
}
