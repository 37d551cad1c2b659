import Stripe from "stripe";

/** The Stripe-Signature header Stripe would send: `t=…,v1=` HMAC-SHA256 of "t.payload". */
export function signPayload(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(timestamp !== undefined ? { timestamp } : {}),
  });
}
