import { randomUUID } from "node:crypto";
import Stripe from "stripe";

/** The API version of the installed Stripe SDK: every event built here carries it. */
export const STRIPE_API_VERSION: string = Stripe.API_VERSION;

export interface EventOptions {
  /** Defaults to a fresh id; pass one to replay the same delivery. */
  id?: string;
  /** Unix seconds; defaults to now. */
  created?: number;
}

export interface StripeEvent<Type extends string = string, Body = unknown> {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: Type;
  data: { object: Body };
}

export function newEventId(): string {
  return `evt_local_${randomUUID().replaceAll("-", "")}`;
}

/** The envelope Stripe wraps every webhook object in. */
export function stripeEvent<Type extends string, Body>(
  type: Type,
  object: Body,
  { id = newEventId(), created = Math.floor(Date.now() / 1000) }: EventOptions = {},
): StripeEvent<Type, Body> {
  return {
    id,
    object: "event",
    api_version: STRIPE_API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}
