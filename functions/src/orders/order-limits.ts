import { productSchema, type OrderItem, type OrderStatus } from "@hearth/domain";
import type { DocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { describeIssues } from "./describe-issues";

/**
 * Orders that hold stock or wait on a payment; config/store's maxOpenOrdersPerAccount caps them.
 * Pending orders are not counted: each is settled by its own reservation, one after another for
 * an account (they all read this query), so of a burst of pending orders the first ones in line
 * get through and only those past the cap are rejected.
 */
export const OPEN_ORDER_STATUSES = [
  "awaiting_payment",
  "payment_processing",
] as const satisfies readonly OrderStatus[];
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
export function invalidProduct(snaps: DocumentSnapshot[]): string | null {
  for (const snap of snaps) {
    if (!snap.exists) continue;
    const product = productSchema.safeParse(snap.data());
    if (product.success) continue;
    logger.warn("Product document is invalid", {
      productId: snap.id,
      issues: describeIssues(product.error),
    });
    return `Product ${productLabel(snap, snap.id)} cannot be ordered right now: its catalog entry is invalid`;
  }
  return null;
}
