import {
  ORDER_EXPIRY_MINUTES,
  orderCreateSchema,
  orderStatusSchema,
  priceOrder,
  productSchema,
  storeConfigSchema,
  type OrderItem,
  type OrderStatus,
  type PricingProduct,
} from "@hearth/domain";
import {
  FieldValue,
  Timestamp,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import type { PaymentProviderName } from "../payments/provider";
import { describeIssues } from "./describe-issues";
import { orderEventRef, orderRef } from "./order-docs";
import { PRODUCTS } from "./release-stock";

export type ReserveOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "rejected"; reason: string }
  | { kind: "reserved"; totalCents: number };

const SYSTEM_ACTOR = { type: "system", id: "onOrderCreated" } as const;
const pricingFieldsSchema = productSchema.pick({
  name: true,
  priceCents: true,
  currency: true,
  status: true,
  stock: true,
});

export interface ReserveOptions {
  providerName: PaymentProviderName;
  now: Date;
}

/**
 * Validates, prices and reserves stock for a pending order in ONE transaction on the order and its
 * products. Re-reading the order makes it idempotent (a redelivered trigger finds it no longer
 * pending) and safe against a shopper cancelling meanwhile.
 */
export async function reserveStock(
  db: Firestore,
  orderId: string,
  options: ReserveOptions,
): Promise<ReserveOutcome> {
  const ref = orderRef(db, orderId);
  return db.runTransaction(
    async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return { kind: "skipped", reason: "order no longer exists" };
      const data = snap.data() ?? {};
      const rawStatus = orderStatusSchema.safeParse(data.status);
      if (rawStatus.success && rawStatus.data !== "pending") {
        return { kind: "skipped", reason: `order is already ${rawStatus.data}` };
      }

      const parsed = orderCreateSchema.safeParse(data);
      if (!parsed.success) {
        const reason = `The order could not be processed: ${describeIssues(parsed.error)}`;
        reject(tx, db, orderId, rawStatus.success ? rawStatus.data : null, reason);
        return { kind: "rejected", reason };
      }
      const order = parsed.data;

      const configSnap = await tx.get(db.collection("config").doc("store"));
      const config = storeConfigSchema.safeParse(configSnap.data());
      const productSnaps = await tx.getAll(
        ...order.items.map((item) => db.collection(PRODUCTS).doc(item.productId)),
      );
      if (!config.success) {
        logger.error("config/store is missing or invalid; rejecting order", { orderId });
        const reason = "The store is not accepting orders right now";
        reject(tx, db, orderId, "pending", reason);
        return { kind: "rejected", reason };
      }

      const priced = priceOrder(order.items, pricingProducts(productSnaps), config.data);
      if (!priced.ok) {
        reject(tx, db, orderId, "pending", priced.reason);
        return { kind: "rejected", reason: priced.reason };
      }

      decrementStock(tx, db, order.items, productSnaps);
      const now = FieldValue.serverTimestamp();
      tx.update(ref, {
        status: "awaiting_payment",
        lines: priced.lines,
        subtotalCents: priced.subtotalCents,
        shippingCents: priced.shippingCents,
        totalCents: priced.totalCents,
        currency: priced.currency,
        expiresAt: Timestamp.fromMillis(options.now.getTime() + ORDER_EXPIRY_MINUTES * 60_000),
        payment: { provider: options.providerName, status: "awaiting" },
        pricedAt: now,
        updatedAt: now,
      });
      tx.set(orderEventRef(db, orderId, "priced"), {
        from: "pending",
        to: "awaiting_payment",
        event: "priced",
        actor: SYSTEM_ACTOR,
        at: now,
        note: `Total ${priced.totalCents} ${priced.currency} (${priced.lines.length} lines)`,
      });
      return { kind: "reserved", totalCents: priced.totalCents };
    },
    // Many shoppers on one hot product contend for the same document.
    { maxAttempts: 30 },
  );
}

function pricingProducts(snaps: DocumentSnapshot[]): Map<string, PricingProduct> {
  const products = new Map<string, PricingProduct>();
  for (const snap of snaps) {
    if (!snap.exists) continue;
    const fields = pricingFieldsSchema.safeParse(snap.data());
    if (!fields.success) {
      // Treated as missing: a product we cannot read must not be sold.
      logger.warn("Product document is invalid", {
        productId: snap.id,
        issues: describeIssues(fields.error),
      });
      continue;
    }
    products.set(snap.id, { id: snap.id, ...fields.data });
  }
  return products;
}

function decrementStock(
  tx: Transaction,
  db: Firestore,
  items: readonly OrderItem[],
  snaps: DocumentSnapshot[],
): void {
  items.forEach((item, index) => {
    const stock = snaps[index]?.get("stock");
    if (typeof stock !== "number") throw new Error(`Product ${item.productId} has no stock to reserve`);
    // Written from the value read in this transaction, so a concurrent order forces a retry.
    tx.update(db.collection(PRODUCTS).doc(item.productId), { stock: stock - item.quantity });
  });
}

function reject(
  tx: Transaction,
  db: Firestore,
  orderId: string,
  from: OrderStatus | null,
  reason: string,
): void {
  const now = FieldValue.serverTimestamp();
  tx.update(orderRef(db, orderId), {
    status: "rejected",
    rejectionReason: reason,
    rejectedAt: now,
    updatedAt: now,
  });
  tx.set(orderEventRef(db, orderId, "rejected"), {
    from,
    to: "rejected",
    event: "rejected",
    actor: SYSTEM_ACTOR,
    at: now,
    note: reason.slice(0, 1000),
  });
}
