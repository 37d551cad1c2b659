import { transition, type OrderStatus, type Shipment } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import type { PaymentProvider } from "../payments/provider";
import { applyTransition } from "./apply-transition";
import { OrderActionError, type AdminResult } from "./order-action-error";
import { orderRef, parseOrder } from "./order-docs";
import { describeMoney, refundOrder } from "./refunds";

export { OrderActionError, type AdminResult } from "./order-action-error";

const REFUNDABLE: ReadonlySet<OrderStatus> = new Set(["paid", "shipped", "delivered"]);

/**
 * pending/awaiting_payment → cancelled (stock released); paid → what is left of the payment is
 * refunded through the provider (recorded first, see refunds.ts), then cancelled with stock released.
 */
export async function cancelOrderAsAdmin(
  db: Firestore,
  provider: PaymentProvider,
  input: { orderId: string; reason?: string | undefined },
  adminUid: string,
): Promise<AdminResult> {
  const { orderId } = input;
  const order = parseOrder((await orderRef(db, orderId).get()).data());
  if (!order) throw new OrderActionError("not-found", `Order ${orderId} does not exist`);
  const check = transition(order, "cancelled");
  if (!check.ok) throw new OrderActionError("failed-precondition", check.error);

  if (order.status === "paid") {
    return refundOrder(db, provider, {
      orderId,
      adminUid,
      reason: input.reason ?? "Cancelled by an admin",
      plan: (current, remaining) => {
        if (current.status !== "paid") {
          throw new OrderActionError(
            "failed-precondition",
            `The order changed to "${current.status}"; try again`,
          );
        }
        if (remaining === 0)
          throw new OrderActionError("failed-precondition", "The payment is already refunded");
        return { amountCents: remaining, then: "cancelled" };
      },
    });
  }

  const seen = order.status;
  const outcome = await applyTransition(db, {
    orderId,
    event: "cancelled",
    actor: { type: "admin", id: adminUid },
    note: input.reason ?? "Cancelled by an admin",
    // Never cancel without a refund an order that got paid meanwhile.
    guard: (current) =>
      current.status === seen ? null : `The order changed to "${current.status}"; try again`,
  });
  if (outcome.applied) return { orderId, status: outcome.to };
  throw new OrderActionError("failed-precondition", outcome.reason);
}

/**
 * Refunds `amountCents` (default: all that is left) of a paid, shipped or delivered order. All that
 * is left moves the order to `refunded`; less is a partial refund recorded on the order. An amount
 * over what is left is refused, never cut down.
 */
export async function refundOrderAsAdmin(
  db: Firestore,
  provider: PaymentProvider,
  input: { orderId: string; amountCents?: number | undefined; reason?: string | undefined },
  adminUid: string,
): Promise<AdminResult> {
  return refundOrder(db, provider, {
    orderId: input.orderId,
    adminUid,
    reason: input.reason,
    plan: (order, remaining) => {
      if (!REFUNDABLE.has(order.status)) {
        throw new OrderActionError(
          "failed-precondition",
          `Only paid, shipped or delivered orders can be refunded; this one is "${order.status}"`,
        );
      }
      if (remaining === 0)
        throw new OrderActionError("failed-precondition", "The payment is already refunded");
      const amountCents = input.amountCents ?? remaining;
      if (amountCents > remaining) {
        throw new OrderActionError(
          "invalid-argument",
          `You can refund at most ${describeMoney(order, remaining)} of this order; you asked for ${describeMoney(order, amountCents)}`,
        );
      }
      return { amountCents, then: amountCents === remaining ? "refunded" : "partial" };
    },
  });
}

export type StatusUpdate =
  { orderId: string; event: "shipped"; shipment: Shipment } | { orderId: string; event: "delivered" };

/**
 * paid → shipped (with the carrier and tracking number, stored on the order in the same
 * transaction, so the shopper's notification can name them) or shipped → delivered.
 */
export async function updateOrderStatusAsAdmin(
  db: Firestore,
  input: StatusUpdate,
  adminUid: string,
): Promise<AdminResult> {
  const shipment = input.event === "shipped" ? input.shipment : null;
  const outcome = await applyTransition(db, {
    orderId: input.orderId,
    event: input.event,
    actor: { type: "admin", id: adminUid },
    ...(shipment
      ? {
          fields: { shipment },
          note: `Shipped with ${shipment.carrier}, tracking number ${shipment.trackingNumber}`,
        }
      : {}),
  });
  if (outcome.applied) return { orderId: input.orderId, status: outcome.to };
  if (outcome.status === null) throw new OrderActionError("not-found", outcome.reason);
  throw new OrderActionError("failed-precondition", outcome.reason);
}
