import {
  formatMoney,
  notificationSchema,
  type Order,
  type OrderStatus,
  type PendingRefund,
} from "@hearth/domain";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import type { PaymentProvider } from "../payments/provider";
import { commitTransition, moveOf, prepareTransition, type StatusMove } from "./apply-transition";
import { classifyError } from "./classify-error";
import { OrderActionError, type AdminResult } from "./order-action-error";
import { orderRef, parseOrder } from "./order-docs";
import { writeOrderNote } from "./order-notes";
import { logSagaStep, logStatusMove } from "./saga-log";

export interface RefundPlan {
  amountCents: number;
  then: PendingRefund["then"];
}

/** Decides what the admin's request means for the order as read in the transaction, or refuses. */
export type PlanRefund = (order: Order, remainingCents: number) => RefundPlan;

export interface RefundRequestInput {
  orderId: string;
  adminUid: string;
  reason?: string | undefined;
  plan: PlanRefund;
}

export const remainingCents = (order: Order) =>
  Math.max(0, (order.totalCents ?? 0) - (order.payment?.refundedCents ?? 0));

export function describeMoney(order: Order, cents: number): string {
  return order.currency ? formatMoney(cents, order.currency) : `${cents}`;
}

/**
 * Refund in three steps so that money never moves unrecorded: (1) in a transaction, record the
 * refund on the order as `payment.pendingRefund` with an idempotency key made of the order id and
 * the attempt number; (2) ask the provider with that key; (3) in a transaction, complete it (amount
 * refunded, status move). A retry after a crash between the steps finds the pending refund and
 * finishes it with the same key, so the provider refunds once. A different request that finds a
 * refund pending finishes that one first, then is refused so the admin looks at the order again.
 */
export async function refundOrder(
  db: Firestore,
  provider: PaymentProvider,
  input: RefundRequestInput,
): Promise<AdminResult> {
  const started = await beginRefund(db, input);
  const { pending, paymentIntentId } = started;
  let refundId: string;
  try {
    ({ refundId } = await provider.refund({
      orderId: input.orderId,
      paymentIntentId,
      amountCents: pending.amountCents,
      idempotencyKey: pending.key,
    }));
  } catch (error) {
    logger.error("Refund failed", { orderId: input.orderId, key: pending.key, error: String(error) });
    if (classifyError(error).kind === "permanent") {
      await abandonRefund(db, input.orderId, pending.key);
      const detail = error instanceof Error ? error.message : String(error);
      throw new OrderActionError("failed-precondition", `The payment provider refused the refund: ${detail}`);
    }
    throw new OrderActionError(
      "unavailable",
      "The payment provider could not be reached; try again and the same refund will complete",
    );
  }

  const result = await completeRefund(db, input.orderId, pending, refundId);
  const logged = { refundId, key: pending.key, amountCents: pending.amountCents };
  if (result.moved) {
    logStatusMove(input.orderId, result.moved.from, result.moved.to, {
      ...logged,
      stockReleased: result.moved.stockReleased,
    });
  } else
    logSagaStep("refund_recorded", "Refund recorded", {
      ...logged,
      orderId: input.orderId,
      status: result.status,
    });
  if (started.resumed) {
    throw new OrderActionError(
      "failed-precondition",
      `An earlier refund of ${result.amount} was still in progress and is now complete; ` +
        "check the order before refunding more",
    );
  }
  return { orderId: input.orderId, status: result.status, refundId };
}

async function beginRefund(db: Firestore, input: RefundRequestInput) {
  const ref = orderRef(db, input.orderId);
  return db.runTransaction(async (tx) => {
    const order = parseOrder((await tx.get(ref)).data());
    if (!order) throw new OrderActionError("not-found", `Order ${input.orderId} does not exist`);
    const paymentIntentId = order.payment?.paymentIntentId;
    if (!paymentIntentId) {
      throw new OrderActionError("failed-precondition", "The order has no payment to refund");
    }
    const existing = order.payment?.pendingRefund;
    if (existing) return { pending: existing, paymentIntentId, resumed: !samePlan(input, order, existing) };

    const plan = input.plan(order, remainingCents(order));
    const attempt = (order.payment?.refundAttempts ?? 0) + 1;
    const pending: PendingRefund = {
      key: `${input.orderId}-refund-${attempt}`,
      amountCents: plan.amountCents,
      then: plan.then,
      refundedBefore: order.payment?.refundedCents ?? 0,
      requestedBy: input.adminUid,
      ...(input.reason ? { reason: input.reason } : {}),
    };
    tx.update(ref, {
      "payment.pendingRefund": pending,
      "payment.refundAttempts": attempt,
      updatedAt: FieldValue.serverTimestamp(),
    });
    return { pending, paymentIntentId, resumed: false };
  });
}

/** A retry of the request that left `pending` behind asks for the same thing again. */
function samePlan(input: RefundRequestInput, order: Order, pending: PendingRefund): boolean {
  try {
    const plan = input.plan(order, remainingCents(order));
    return plan.amountCents === pending.amountCents && plan.then === pending.then;
  } catch {
    return false;
  }
}

async function abandonRefund(db: Firestore, orderId: string, key: string): Promise<void> {
  const ref = orderRef(db, orderId);
  await db.runTransaction(async (tx) => {
    const order = parseOrder((await tx.get(ref)).data());
    if (order?.payment?.pendingRefund?.key !== key) return;
    tx.update(ref, { "payment.pendingRefund": FieldValue.delete(), updatedAt: FieldValue.serverTimestamp() });
  });
}

const KEPT_PAYMENT: ReadonlySet<OrderStatus> = new Set(["paid", "shipped", "delivered"]);

interface RefundCompletion {
  status: OrderStatus;
  amount: string;
  moved?: StatusMove;
}

async function completeRefund(
  db: Firestore,
  orderId: string,
  pending: PendingRefund,
  refundId: string,
): Promise<RefundCompletion> {
  const ref = orderRef(db, orderId);
  return db.runTransaction(async (tx): Promise<RefundCompletion> => {
    const order = parseOrder((await tx.get(ref)).data());
    if (!order) throw new OrderActionError("not-found", `Order ${orderId} does not exist`);
    const amount = describeMoney(order, pending.amountCents);
    // Another call finished it meanwhile.
    if (order.payment?.pendingRefund?.key !== pending.key) return { status: order.status, amount };

    // charge.refunded may have recorded Stripe's running total already: keep the larger figure.
    const refundedCents = Math.max(
      order.payment.refundedCents ?? 0,
      pending.refundedBefore + pending.amountCents,
    );
    const full = refundedCents >= (order.totalCents ?? 0);
    const fields = {
      "payment.pendingRefund": FieldValue.delete(),
      "payment.refundedCents": refundedCents,
      "payment.refundId": refundId,
      ...(full ? { "payment.status": "refunded" } : {}),
    };
    const actor = { type: "admin", id: pending.requestedBy } as const;
    const event = pending.then === "cancelled" ? "cancelled" : "refunded";
    const moves =
      pending.then === "cancelled" ? order.status === "paid" : full && KEPT_PAYMENT.has(order.status);
    if (pending.then !== "partial" && moves) {
      const prepared = await prepareTransition(tx, db, {
        orderId,
        event,
        actor,
        note: pending.reason ?? `Refunded ${amount} (${refundId})`,
        fields,
      });
      if (prepared.ok) {
        commitTransition(tx, db, prepared);
        return { status: prepared.to, amount, moved: moveOf(prepared) };
      }
    }

    tx.update(ref, { ...fields, updatedAt: FieldValue.serverTimestamp() });
    writeOrderNote(tx, db, orderId, {
      id: `refund_${pending.key}`,
      status: order.status,
      event: "refunded",
      kind: "refund_recorded",
      actor,
      note: `Refunded ${amount} (${refundId})${pending.reason ? `: ${pending.reason}` : ""}`,
    });
    // A status move tells the shopper through onOrderUpdated; a partial refund does not move it.
    if (pending.then !== "partial") return { status: order.status, amount };
    const notification = notificationSchema.parse({
      title: "Refund on its way",
      body: `We refunded ${amount} of your order. Your bank may take a few days to show it.`,
      orderId,
      read: false,
      createdAt: new Date(),
    });
    tx.set(
      ref.firestore
        .collection("users")
        .doc(order.uid)
        .collection("notifications")
        .doc(`${orderId}_${pending.key}`),
      {
        ...notification,
        createdAt: FieldValue.serverTimestamp(),
      },
    );
    return { status: order.status, amount };
  });
}
