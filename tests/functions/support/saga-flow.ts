import type { StripeEvent } from "@hearth/stripe-events";
import type { Firestore } from "firebase-admin/firestore";
import { handleOrderCreated } from "../../../functions/src/orders/on-order-created";
import {
  applyPaymentEvent,
  type PaymentEventOutcome,
} from "../../../functions/src/payments/apply-payment-event";
import { createLocalProvider } from "../../../functions/src/payments/local-provider";
import { parsePaymentEvent } from "../../../functions/src/payments/payment-events";
import { placeOrder } from "./seed";

export const localProvider = createLocalProvider("http://localhost:3000");

/** Places an order and runs the create handler: the order ends awaiting payment with stock reserved. */
export async function reservedOrder(
  db: Firestore,
  productId: string,
  quantity: number,
  now?: Date,
): Promise<string> {
  const orderId = await placeOrder(db, "shopper-1", [{ productId, quantity }]);
  const result = await handleOrderCreated(db, orderId, localProvider, now);
  if (result.reservation.kind !== "reserved")
    throw new Error(`Order was not reserved: ${JSON.stringify(result)}`);
  return orderId;
}

/** What paymentWebhook does after verifying the signature. */
export async function deliver(db: Firestore, event: StripeEvent): Promise<PaymentEventOutcome> {
  const parsed = parsePaymentEvent(JSON.parse(JSON.stringify(event)));
  if (!parsed.ok) throw new Error(parsed.error);
  return applyPaymentEvent(db, parsed.action);
}
