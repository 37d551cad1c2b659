import {
  ORDER_EXPIRY_MINUTES,
  orderCreateSchema,
  orderStatusSchema,
  priceOrder,
  productSchema,
  storeConfigSchema,
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
import * as logger from "firebase-functions/logger";
import type { EmailLookup } from "../notifications/notify-status-change";
import type { PaymentProviderName } from "../payments/provider";
import { runShardTransaction } from "../stock/shard-transaction";
import { randomShard, readStockPlan, type PickShard, type Rebalance } from "../stock/stock-plan";
import { lookupShopper, type Shopper } from "./customer-email";
import { describeIssues } from "./describe-issues";
import { logSagaStep } from "./saga-log";
import { isUsableDocumentId } from "./document-id";
import { orderEventRef, orderRef } from "./order-docs";
import {
  countOpenOrders,
  invalidProduct,
  lockAccount,
  openOrdersOverCap,
  unitsOverCap,
} from "./order-limits";
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
// Many shoppers on one hot product contend for the same document.
const MAX_ATTEMPTS = 30;

export interface ReserveOptions {
  providerName: PaymentProviderName;
  now: Date;
  /** Finds the shopper's email, stored on the order for the checkout; without it the order has none. */
  lookupEmail?: EmailLookup;
  /** Which shard of a sharded product to try first: random unless a test chooses. */
  pickShard?: PickShard;
  /** Told of every transaction attempt: contention shows as attempts past the first. */
  onAttempt?: (attempt: number) => void;
  /** Attempts before contention is thrown (as a transient error: the trigger retries the event). */
  maxAttempts?: number;
}

/**
 * Validates, prices and reserves stock for a pending order in ONE transaction on the order and its
 * products (or their stock shards). Re-reading the order makes it idempotent (a redelivered
 * trigger finds it no longer pending) and safe against a shopper cancelling meanwhile.
 */
export async function reserveStock(
  db: Firestore,
  orderId: string,
  options: ReserveOptions,
): Promise<ReserveOutcome> {
  const ref = orderRef(db, orderId);
  const shopper = options.lookupEmail ? await lookupShopper(ref, options.lookupEmail) : null;
  const context: AttemptContext = { db, orderId, options, shopper, rebalanced: [] };
  let attempts = 0;
  try {
    const outcome = await runShardTransaction(
      db,
      (tx) => {
        attempts += 1;
        options.onAttempt?.(attempts);
        return reserveInTransaction(tx, context);
      },
      options.maxAttempts ?? MAX_ATTEMPTS,
    );
    if (attempts > 1 || context.rebalanced.length > 0) {
      // Retries mean contention on a product; rebalances mean its shards are running dry.
      logSagaStep("reservation_contended", "Reservation settled", {
        orderId,
        outcome: outcome.kind,
        attempts,
        rebalanced: context.rebalanced,
      });
    }
    return outcome;
  } catch (error) {
    logSagaStep(
      "reservation_failed",
      "Reservation transaction failed",
      { orderId, attempts, error: error instanceof Error ? error.message : String(error) },
      "warn",
    );
    throw error;
  }
}

interface AttemptContext {
  db: Firestore;
  orderId: string;
  options: ReserveOptions;
  shopper: Shopper | null;
  /** Of the attempt that committed (each attempt starts it afresh). */
  rebalanced: readonly Rebalance[];
}

async function reserveInTransaction(tx: Transaction, context: AttemptContext): Promise<ReserveOutcome> {
  const { db, orderId, options, shopper } = context;
  context.rebalanced = [];
  const ref = orderRef(db, orderId);
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
  // Firestore refuses such ids outright; reading them would throw on every retry.
  const unusable = order.items.find((item) => !isUsableDocumentId(item.productId));
  if (unusable) {
    const reason = `Product ${JSON.stringify(unusable.productId)} does not exist`;
    reject(tx, db, orderId, "pending", reason);
    return { kind: "rejected", reason };
  }

  const configSnap = await tx.get(db.collection("config").doc("store"));
  const config = storeConfigSchema.safeParse(configSnap.data());
  // Before the products, so the reads that other orders contend for come last.
  const openOrders = await countOpenOrders(tx, db, order.uid);
  const productSnaps = await tx.getAll(
    ...order.items.map((item) => db.collection(PRODUCTS).doc(item.productId)),
  );
  if (!config.success) {
    logger.error("config/store is missing or invalid; rejecting order", { orderId });
    const reason = "The store is not accepting orders right now";
    reject(tx, db, orderId, "pending", reason);
    return { kind: "rejected", reason };
  }

  const overLimit =
    unitsOverCap(order.items, productSnaps, config.data.maxUnitsPerProduct) ??
    openOrdersOverCap(openOrders, config.data.maxOpenOrdersPerAccount) ??
    invalidProduct(productSnaps, orderId);
  if (overLimit) {
    reject(tx, db, orderId, "pending", overLimit);
    return { kind: "rejected", reason: overLimit };
  }

  const stock = await readStockPlan(db, order.items, productSnaps, options.pickShard ?? randomShard);
  const priced = priceOrder(
    order.items,
    pricingProducts(productSnaps, stock.available, orderId),
    config.data,
  );
  if (!priced.ok) {
    reject(tx, db, orderId, "pending", priced.reason);
    return { kind: "rejected", reason: priced.reason };
  }

  stock.commit(tx);
  context.rebalanced = stock.rebalanced;
  lockAccount(tx, db, order.uid, orderId);
  const now = FieldValue.serverTimestamp();
  tx.update(ref, {
    status: "awaiting_payment",
    lines: priced.lines,
    subtotalCents: priced.subtotalCents,
    shippingCents: priced.shippingCents,
    totalCents: priced.totalCents,
    currency: priced.currency,
    customerEmail: shopper?.uid === order.uid ? shopper.email : null,
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
}

/** Sharded products are priced against the units their shards can give, not the shown `stock`. */
function pricingProducts(
  snaps: DocumentSnapshot[],
  available: ReadonlyMap<string, number>,
  orderId: string,
): Map<string, PricingProduct> {
  const products = new Map<string, PricingProduct>();
  for (const snap of snaps) {
    if (!snap.exists) continue;
    const fields = pricingFieldsSchema.safeParse(snap.data());
    if (!fields.success) {
      // Treated as missing: a product we cannot read must not be sold.
      logger.warn("Product document is invalid", {
        orderId,
        productId: snap.id,
        issues: describeIssues(fields.error),
      });
      continue;
    }
    products.set(snap.id, { id: snap.id, ...fields.data, stock: available.get(snap.id) ?? 0 });
  }
  return products;
}

export function reject(
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
