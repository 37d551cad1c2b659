import { productSchema, type OrderItem, type OrderStatus } from "@hearth/domain";
import {
  FieldValue,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { describeIssues } from "./describe-issues";

/**
 * Orders that hold stock or wait on a payment; config/store's maxOpenOrdersPerAccount caps them.
 * Pending orders are not counted: each is settled by its own reservation, one after another for
 * an account (each reads the account's reservation lock, and writes it when it reserves), so of a
 * burst of pending orders the first ones in line get through and only those past the cap are
 * rejected.
 */
export const OPEN_ORDER_STATUSES = [
  "awaiting_payment",
  "payment_processing",
] as const satisfies readonly OrderStatus[];

/**
 * `reservationLocks/{uid}`: every reservation for the account writes it (functions only; the rules
 * give clients no access), so reservations of one account commit one after another.
 */
export const RESERVATION_LOCKS = "reservationLocks";

function reservationLockRef(db: Firestore, uid: string): DocumentReference {
  return db.collection(RESERVATION_LOCKS).doc(uid);
}

/**
 * The account's open orders, exact for the calling transaction: it first reads the account's lock,
 * which every reservation of the account writes, so none can commit between this count and the
 * caller's commit (a retry counts again). The count itself is a plain query: a query inside a
 * transaction locks a range of `orders`, which the emulator widens to the whole collection, so
 * every reservation of every product would wait for every other (50 reservations of 50 different
 * products: 0.6/s with it, 14/s without); the lock is one document per account.
 */
export async function countOpenOrders(tx: Transaction, db: Firestore, uid: string): Promise<number> {
  await tx.get(reservationLockRef(db, uid));
  const open = await db
    .collection("orders")
    .where("uid", "==", uid)
    .where("status", "in", OPEN_ORDER_STATUSES)
    .count()
    .get();
  return open.data().count;
}

/** Write phase of a reservation: see countOpenOrders. */
export function lockAccount(tx: Transaction, db: Firestore, uid: string, orderId: string): void {
  tx.set(reservationLockRef(db, uid), { orderId, at: FieldValue.serverTimestamp() });
}

function productLabel(snap: DocumentSnapshot | undefined, productId: string): string {
  const name: unknown = snap?.get("name");
  return typeof name === "string" && name.trim() !== "" ? `"${name}"` : productId;
}

export function unitsOverCap(
  items: readonly OrderItem[],
  snaps: DocumentSnapshot[],
  maxUnits: number,
): string | null {
  const index = items.findIndex((item) => item.quantity > maxUnits);
  const item = items[index];
  if (!item) return null;
  const label = productLabel(snaps[index], item.productId);
  return `At most ${maxUnits} of one product per order (you asked for ${item.quantity} of ${label})`;
}

export function openOrdersOverCap(open: number, maxOpen: number): string | null {
  if (open < maxOpen) return null;
  const orders = open === 1 ? "1 order" : `${open} orders`;
  return `You already have ${orders} waiting for payment; pay or cancel one first`;
}

/**
 * A stored product the domain schema refuses (written past the security rules, e.g. with the
 * Admin SDK) is hidden from the storefront, so it is not sold either.
 */
export function invalidProduct(snaps: DocumentSnapshot[], orderId: string): string | null {
  for (const snap of snaps) {
    if (!snap.exists) continue;
    const product = productSchema.safeParse(snap.data());
    if (product.success) continue;
    logger.warn("Product document is invalid", {
      orderId,
      step: "check-limits",
      productId: snap.id,
      issues: describeIssues(product.error),
    });
    return `Product ${productLabel(snap, snap.id)} cannot be ordered right now: its catalog entry is invalid`;
  }
  return null;
}
