// A small shop for the hostile callable inputs to hit, and a snapshot of everything they could
// write to: every document, every Storage object, the accounts' claims.
import type { App } from "firebase-admin/app";
import type { Auth } from "firebase-admin/auth";
import { FieldValue, Timestamp, type DocumentData, type Firestore } from "firebase-admin/firestore";
import { idTokenFor } from "./callables";
import { bucketOf } from "./images";
import { productDoc, seedStore, seedUser } from "./seed";

export const ADMIN_UID = "hostile-admin";
export const SHOPPER_UID = "hostile-shopper";
export const SHOPPER_EMAIL = `${SHOPPER_UID}@example.test`;
export const IMAGE_PATH = "products/mug/original/a.jpg";
export const TOTAL_CENTS = 3_000;

/** Orders in the states the admin callables refuse to act on (some refuse only some moves). */
export const ORDERS = {
  awaiting: "o-awaiting",
  paid: "o-paid",
  shipped: "o-shipped",
  delivered: "o-delivered",
  refunded: "o-refunded",
  cancelled: "o-cancelled",
} as const;

function order(status: string, payment: DocumentData): DocumentData {
  const at = Timestamp.fromDate(new Date("2025-01-01T10:00:00Z"));
  return {
    uid: SHOPPER_UID,
    items: [{ productId: "mug", quantity: 2 }],
    shippingAddress: {
      name: "Ada",
      line1: "1 Test Street",
      city: "Testville",
      postalCode: "12345",
      country: "US",
    },
    status,
    createdAt: at,
    lines: [{ productId: "mug", name: "Mug", unitPriceCents: 1_250, quantity: 2, lineTotalCents: 2_500 }],
    subtotalCents: 2_500,
    shippingCents: 500,
    totalCents: TOTAL_CENTS,
    currency: "USD",
    payment: { provider: "local", sessionId: `cs_${status}`, ...payment },
    updatedAt: at,
  };
}

/** Seeds the shop and returns the admin's ID token. Written before any trigger could act on it. */
export async function seedCallableWorld(db: Firestore, auth: Auth): Promise<string> {
  const paid = { paymentIntentId: "pi_1", status: "paid" };
  await Promise.all([
    seedStore(db),
    seedUser(db, SHOPPER_UID, SHOPPER_EMAIL),
    db.doc("categories/kitchen").set({ name: "Kitchen", slug: "kitchen", position: 0 }),
    db.doc("products/mug").set({
      ...productDoc("mug", { name: "Mug", slug: "mug", categoryId: "kitchen" }),
      images: [{ path: IMAGE_PATH, width: 10, height: 10, urls: {}, alt: "" }],
    }),
    db.doc("products/tea").set(productDoc("tea", { name: "Tea", slug: "tea", categoryId: "kitchen" })),
    db.doc("productSlugs/tea").set({ productId: "tea" }),
    db.doc(`orders/${ORDERS.awaiting}`).set(order("awaiting_payment", { status: "open" })),
    db.doc(`orders/${ORDERS.paid}`).set(order("paid", paid)),
    db.doc(`orders/${ORDERS.shipped}`).set(order("shipped", paid)),
    db.doc(`orders/${ORDERS.delivered}`).set(order("delivered", { ...paid, refundedCents: TOTAL_CENTS })),
    db.doc(`orders/${ORDERS.refunded}`).set(order("refunded", { ...paid, refundedCents: TOTAL_CENTS })),
    db.doc(`orders/${ORDERS.cancelled}`).set(order("cancelled", {})),
    db.doc(`admins/${ADMIN_UID}`).set({
      email: `${ADMIN_UID}@example.test`,
      grantedAt: FieldValue.serverTimestamp(),
      grantedBy: null,
      source: "make-admin",
    }),
  ]);
  const token = await idTokenFor(auth, ADMIN_UID, { admin: true });
  await auth.createUser({ uid: SHOPPER_UID, email: SHOPPER_EMAIL });
  return token;
}

const GROUPS = ["events", "notifications", "cart", "imageErrors"];

async function documents(db: Firestore): Promise<Record<string, DocumentData>> {
  const queries = [
    ...(await db.listCollections()).map((collection) => collection.get()),
    ...GROUPS.map((group) => db.collectionGroup(group).get()),
  ];
  const all: Record<string, DocumentData> = {};
  for (const snapshot of await Promise.all(queries)) {
    for (const doc of snapshot.docs) all[doc.ref.path] = doc.data();
  }
  return all;
}

/** Everything a callable could have changed, in a form `toEqual` compares. */
export async function worldSnapshot(db: Firestore, auth: Auth, app: App): Promise<unknown> {
  const [docs, [files], { users }] = await Promise.all([
    documents(db),
    bucketOf(app).getFiles(),
    auth.getUsers([{ uid: ADMIN_UID }, { uid: SHOPPER_UID }]),
  ]);
  return {
    docs,
    files: files.map((file) => [file.name, file.metadata.generation, file.metadata.metadata]),
    claims: users.map((user) => [user.uid, user.customClaims ?? null]),
  };
}
