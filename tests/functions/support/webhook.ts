import {
  checkoutSessionCompleted,
  signPayload,
  type EventOptions,
  type OrderPaymentFacts,
  type StripeEvent,
} from "@hearth/stripe-events";
import type { Firestore } from "firebase-admin/firestore";
import { functionUrl } from "./emulators";
import { webhookSecret } from "./function-env";
import { orderData } from "./seed";

/** What Stripe knows about a priced order: the session, amount and currency the order stores. */
export async function paymentFacts(db: Firestore, orderId: string): Promise<OrderPaymentFacts> {
  const order = await orderData(db, orderId);
  if (typeof order.totalCents !== "number" || typeof order.currency !== "string") {
    throw new Error(`Order ${orderId} is not priced yet`);
  }
  const sessionId: unknown = order.payment?.sessionId;
  return {
    orderId,
    amountCents: order.totalCents,
    currency: order.currency,
    ...(typeof sessionId === "string" ? { sessionId } : {}),
  };
}

/** A paid checkout.session.completed for the order as Firestore holds it. */
export async function paidCheckout(db: Firestore, orderId: string, options: EventOptions = {}) {
  return checkoutSessionCompleted(await paymentFacts(db, orderId), { paymentStatus: "paid", ...options });
}

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  signature?: string | null;
}

export interface PostResult {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs the event to paymentWebhook, signed exactly as Stripe signs it. */
export async function postWebhook(event: StripeEvent, options: SignOptions = {}): Promise<PostResult> {
  const payload = JSON.stringify(event);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signature !== null) {
    headers["stripe-signature"] =
      options.signature ?? signPayload(payload, options.secret ?? webhookSecret(), options.timestamp);
  }
  const response = await fetch(await functionUrl("paymentWebhook"), {
    method: "POST",
    headers,
    body: payload,
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}
