import type { OrderEvent } from "@hearth/domain";
import { z } from "zod";
import { describeIssues } from "../orders/describe-issues";

const metadataSchema = z.record(z.string(), z.string()).nullish();
const expandable = z.union([z.string(), z.object({ id: z.string() })]).nullish();

const eventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  data: z.object({ object: z.unknown() }),
});

const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  client_reference_id: z.string().nullish(),
  metadata: metadataSchema,
  payment_intent: expandable,
  payment_status: z.string().optional(),
});

const paymentIntentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  metadata: metadataSchema,
  last_payment_error: z.object({ message: z.string().optional() }).nullish(),
});

const chargeSchema = z.object({
  id: z.string().min(1),
  object: z.literal("charge"),
  metadata: metadataSchema,
  payment_intent: expandable,
  refunded: z.boolean(),
});

/** How to find the order an event is about. */
export type OrderLocator = { orderId: string } | { paymentIntentId: string };

export type PaymentAction =
  | {
      kind: "transition";
      eventId: string;
      type: string;
      locator: OrderLocator;
      event: OrderEvent;
      paymentIntentId: string | null;
      note?: string;
    }
  | { kind: "ignore"; eventId: string; type: string; orderId: string | null; reason: string };

export type ParseResult = { ok: true; action: PaymentAction } | { ok: false; error: string };

function idOf(value: z.infer<typeof expandable>): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function orderIdFrom(...candidates: (string | null | undefined)[]): string | null {
  return (
    candidates.find((candidate): candidate is string => typeof candidate === "string" && candidate !== "") ??
    null
  );
}

/** Validates a verified Stripe event and maps it to what it means for an order. */
export function parsePaymentEvent(payload: unknown): ParseResult {
  const envelope = eventEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: `Malformed event: ${describeIssues(envelope.error)}` };
  const { id: eventId, type, data } = envelope.data;
  const ignore = (reason: string, orderId: string | null = null): ParseResult => ({
    ok: true,
    action: { kind: "ignore", eventId, type, orderId, reason },
  });
  const invalid = (error: {
    issues: readonly { path: readonly PropertyKey[]; message: string }[];
  }): ParseResult => ({
    ok: false,
    error: `Invalid ${type} payload: ${describeIssues(error)}`,
  });

  switch (type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const session = checkoutSessionSchema.safeParse(data.object);
      if (!session.success) return invalid(session.error);
      const orderId = orderIdFrom(session.data.client_reference_id, session.data.metadata?.orderId);
      if (!orderId) return ignore("Checkout session carries no order id");
      const paymentIntentId = idOf(session.data.payment_intent);
      if (type === "checkout.session.expired") {
        return transitionTo(eventId, type, { orderId }, "expired", paymentIntentId);
      }
      const paid =
        session.data.payment_status === "paid" || session.data.payment_status === "no_payment_required";
      if (!paid)
        return ignore(`Checkout completed with payment status "${session.data.payment_status}"`, orderId);
      return transitionTo(eventId, type, { orderId }, "payment_succeeded", paymentIntentId);
    }
    case "payment_intent.payment_failed": {
      const intent = paymentIntentSchema.safeParse(data.object);
      if (!intent.success) return invalid(intent.error);
      const orderId = orderIdFrom(intent.data.metadata?.orderId);
      if (!orderId) return ignore("Payment intent carries no orderId metadata");
      const message = intent.data.last_payment_error?.message;
      return transitionTo(eventId, type, { orderId }, "payment_failed", intent.data.id, message);
    }
    case "charge.refunded": {
      const charge = chargeSchema.safeParse(data.object);
      if (!charge.success) return invalid(charge.error);
      const paymentIntentId = idOf(charge.data.payment_intent);
      const orderId = orderIdFrom(charge.data.metadata?.orderId);
      if (!charge.data.refunded) return ignore("Partial refund; the order stays as it is", orderId);
      const locator = orderId ? { orderId } : paymentIntentId ? { paymentIntentId } : null;
      if (!locator) return ignore("Charge carries neither an orderId nor a payment intent");
      return transitionTo(eventId, type, locator, "refunded", paymentIntentId);
    }
    default:
      return ignore(`Unhandled event type ${type}`);
  }
}

function transitionTo(
  eventId: string,
  type: string,
  locator: OrderLocator,
  event: OrderEvent,
  paymentIntentId: string | null,
  note?: string,
): ParseResult {
  return {
    ok: true,
    action: { kind: "transition", eventId, type, locator, event, paymentIntentId, ...(note ? { note } : {}) },
  };
}
