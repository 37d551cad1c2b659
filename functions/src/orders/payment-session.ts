import { toMillis } from "@hearth/domain";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import type { PaymentProvider } from "../payments/provider";
import { orderRef, parseOrder } from "./order-docs";
import { logSagaStep } from "./saga-log";

export type SessionOutcome = "created" | "exists" | "skipped";

/**
 * Creates the checkout session for an order awaiting payment, outside any transaction.
 * Skips when a session is stored already; the provider call itself is idempotent per order,
 * so two racing deliveries end up storing the same session once. The request is built from the
 * stored order alone (email and expiry included), so a retry sends exactly the same request.
 */
export async function ensurePaymentSession(
  db: Firestore,
  orderId: string,
  provider: PaymentProvider,
): Promise<SessionOutcome> {
  const ref = orderRef(db, orderId);
  const order = parseOrder((await ref.get()).data());
  if (!order || order.status !== "awaiting_payment") return "skipped";
  if (order.payment?.sessionId) return "exists";
  if (order.totalCents === undefined || !order.currency || !order.lines || !order.expiresAt) {
    logger.error("Order awaiting payment lacks its priced fields", { orderId });
    return "skipped";
  }

  const session = await provider.createCheckoutSession({
    orderId,
    lines: order.lines,
    shippingCents: order.shippingCents ?? 0,
    totalCents: order.totalCents,
    currency: order.currency,
    customerEmail: order.customerEmail ?? null,
    expiresAt: new Date(toMillis(order.expiresAt)),
  });

  const outcome = await db.runTransaction(async (tx): Promise<SessionOutcome> => {
    const current = parseOrder((await tx.get(ref)).data());
    // Cancelled (or settled) while the provider was called: an open session must not be recorded on it.
    if (!current || current.status !== "awaiting_payment") return "skipped";
    if (current.payment?.sessionId) return "exists";
    tx.update(ref, {
      "payment.sessionId": session.sessionId,
      "payment.checkoutUrl": session.checkoutUrl,
      "payment.status": "open",
      updatedAt: FieldValue.serverTimestamp(),
    });
    return "created";
  });
  if (outcome === "created") {
    logSagaStep("session_created", "Checkout session created", {
      orderId,
      status: "awaiting_payment",
      sessionId: session.sessionId,
      provider: provider.name,
    });
  } else {
    logSagaStep("session_exists", `Checkout session not stored: ${outcome}`, { orderId, outcome });
  }
  return outcome;
}
