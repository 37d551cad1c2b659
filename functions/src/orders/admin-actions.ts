import { transition, type OrderStatus } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import type { PaymentProvider } from "../payments/provider";
import { applyTransition } from "./apply-transition";
import { orderRef, parseOrder } from "./order-docs";

export type OrderActionErrorCode = "not-found" | "failed-precondition" | "unavailable";

/** A refusal the callable wrapper turns into an HttpsError with the same canonical code. */
export class OrderActionError extends Error {
  constructor(
    readonly code: OrderActionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OrderActionError";
  }
}

export interface AdminResult {
  orderId: string;
  status: OrderStatus;
  refundId?: string;
}

async function loadOrder(db: Firestore, orderId: string) {
  const order = parseOrder((await orderRef(db, orderId).get()).data());
  if (!order) throw new OrderActionError("not-found", `Order ${orderId} does not exist`);
  return order;
}

/**
 * awaiting_payment/pending → cancelled (stock released); paid → refund through the provider first
 * (outside the transaction, idempotent per order), then cancelled with stock released.
 */
export async function cancelOrderAsAdmin(
  db: Firestore,
  provider: PaymentProvider,
  input: { orderId: string; reason?: string | undefined },
  adminUid: string,
): Promise<AdminResult> {
  const { orderId } = input;
  const order = await loadOrder(db, orderId);
  const check = transition(order, "cancelled");
  if (!check.ok) throw new OrderActionError("failed-precondition", check.error);

  let refundId: string | undefined;
  if (order.status === "paid") {
    const paymentIntentId = order.payment?.paymentIntentId;
    if (!paymentIntentId)
      throw new OrderActionError("failed-precondition", "The paid order has no payment to refund");
    try {
      ({ refundId } = await provider.refund({
        orderId,
        paymentIntentId,
        amountCents: order.totalCents ?? 0,
      }));
    } catch (error) {
      logger.error("Refund failed", { orderId, error: String(error) });
      throw new OrderActionError("unavailable", "The payment provider could not refund the order; try again");
    }
  }

  const seen = order.status;
  const outcome = await applyTransition(db, {
    orderId,
    event: "cancelled",
    actor: { type: "admin", id: adminUid },
    note: input.reason ?? "Cancelled by an admin",
    fields: refundId ? { "payment.refundId": refundId, "payment.status": "refunded" } : {},
    // Never cancel a payment we did not refund: the order must still be where we saw it.
    guard: (current) =>
      current.status === seen ? null : `The order changed to "${current.status}"; try again`,
  });
  if (outcome.applied) return { orderId, status: outcome.to, ...(refundId ? { refundId } : {}) };
  // The provider's own refund event may have landed first; the order is refunded either way.
  if (refundId && outcome.status === "refunded") return { orderId, status: "refunded", refundId };
  throw new OrderActionError("failed-precondition", outcome.reason);
}

export async function updateOrderStatusAsAdmin(
  db: Firestore,
  input: { orderId: string; event: "shipped" | "delivered" },
  adminUid: string,
): Promise<AdminResult> {
  const outcome = await applyTransition(db, {
    orderId: input.orderId,
    event: input.event,
    actor: { type: "admin", id: adminUid },
  });
  if (outcome.applied) return { orderId: input.orderId, status: outcome.to };
  if (outcome.status === null) throw new OrderActionError("not-found", outcome.reason);
  throw new OrderActionError("failed-precondition", outcome.reason);
}
