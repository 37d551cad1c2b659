import Stripe from "stripe";
import { functionUrl } from "./emulators";
import { webhookSecret } from "./function-env";

export interface StripeEventShape {
  id: string;
  object: "event";
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  data: { object: Record<string, unknown> };
}

let counter = 0;
export function eventId(): string {
  counter += 1;
  return `evt_test_${Date.now()}_${counter}`;
}

function stripeEvent(type: string, object: Record<string, unknown>, id = eventId()): StripeEventShape {
  return {
    id,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2025-01-27",
    data: { object },
  };
}

export function checkoutCompleted(orderId: string, id?: string): StripeEventShape {
  return stripeEvent(
    "checkout.session.completed",
    {
      id: `cs_local_${orderId}`,
      object: "checkout.session",
      client_reference_id: orderId,
      metadata: { orderId },
      payment_intent: `pi_local_${orderId}`,
      payment_status: "paid",
      status: "complete",
    },
    id,
  );
}

export function checkoutExpired(orderId: string, id?: string): StripeEventShape {
  return stripeEvent(
    "checkout.session.expired",
    {
      id: `cs_local_${orderId}`,
      object: "checkout.session",
      client_reference_id: orderId,
      metadata: { orderId },
      payment_intent: null,
      payment_status: "unpaid",
      status: "expired",
    },
    id,
  );
}

export function paymentFailed(orderId: string, id?: string): StripeEventShape {
  return stripeEvent(
    "payment_intent.payment_failed",
    {
      id: `pi_local_${orderId}`,
      object: "payment_intent",
      metadata: { orderId },
      last_payment_error: { message: "Your card was declined." },
    },
    id,
  );
}

export function chargeRefunded(paymentIntentId: string, id?: string): StripeEventShape {
  return stripeEvent(
    "charge.refunded",
    {
      id: `ch_${paymentIntentId}`,
      object: "charge",
      metadata: {},
      payment_intent: paymentIntentId,
      refunded: true,
    },
    id,
  );
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
export async function postWebhook(event: StripeEventShape, options: SignOptions = {}): Promise<PostResult> {
  const payload = JSON.stringify(event);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signature !== null) {
    headers["stripe-signature"] =
      options.signature ??
      Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? webhookSecret(),
        ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
      });
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
