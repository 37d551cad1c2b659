import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../admin";
import { REGION, stripeSecretKey } from "../config";
import type { PaymentProvider } from "../payments/provider";
import { providerFromConfig } from "../payments/select-provider";
import { ensurePaymentSession, type SessionOutcome } from "./payment-session";
import { reserveStock, type ReserveOutcome } from "./reserve-stock";

export interface OrderCreatedResult {
  reservation: ReserveOutcome;
  session: SessionOutcome | "not_needed";
}

/**
 * ValidateOrder → CheckInventory (reserve) → start ProcessPayment (checkout session).
 * Safe to run any number of times for the same order.
 */
export async function handleOrderCreated(
  db: Firestore,
  orderId: string,
  provider: PaymentProvider,
  now: Date = new Date(),
): Promise<OrderCreatedResult> {
  const reservation = await reserveStock(db, orderId, { providerName: provider.name, now });
  logger.info("Order reservation", { orderId, ...reservation });
  if (reservation.kind === "rejected") return { reservation, session: "not_needed" };
  // Also runs when reservation was skipped: a previous delivery may have died before the session.
  const session = await ensurePaymentSession(db, orderId, provider);
  return { reservation, session };
}

export const onOrderCreated = onDocumentCreated(
  {
    document: "orders/{orderId}",
    region: REGION,
    memory: "256MiB",
    maxInstances: 20,
    retry: true,
    secrets: [stripeSecretKey],
  },
  async (event) => {
    await handleOrderCreated(db, event.params.orderId, providerFromConfig());
  },
);
