import type { OrderEvent } from "@hearth/domain";
import * as z from "zod";
import { describeIssues } from "../orders/describe-issues";
import { isUsableDocumentId } from "../orders/document-id";
import { declinedNoticeId, eventIdSchema, orderIdProblem, providerIdSchema } from "./event-ids";

const metadataSchema = z.record(z.string(), z.string()).nullish();
const expandable = z.union([providerIdSchema, z.object({ id: providerIdSchema })]).nullish();

/** Stripe's event types are short; the type of an ignored event is recorded as it came. */
const MAX_TYPE_LENGTH = 200;

const eventEnvelopeSchema = z.object({
  id: eventIdSchema,
  type: z.string().min(1).max(MAX_TYPE_LENGTH),
  data: z.object({ object: z.unknown() }),
});

const checkoutSessionSchema = z.object({
  id: providerIdSchema,
  object: z.literal("checkout.session"),
  client_reference_id: z.string().nullish(),
  metadata: metadataSchema,
  payment_intent: expandable,
  payment_status: z.string().optional(),
  amount_total: z.int().nullish(),
  currency: z.string().nullish(),
});

const paymentIntentSchema = z.object({
  id: providerIdSchema,
  object: z.literal("payment_intent"),
  metadata: metadataSchema,
  last_payment_error: z.object({ message: z.string().optional() }).nullish(),
});

const chargeSchema = z
  .object({
    id: providerIdSchema,
    object: z.literal("charge"),
    metadata: metadataSchema,
    payment_intent: expandable,
    amount: z.int().min(0),
    amount_refunded: z.int().min(0),
    currency: z.string().optional(),
    refunded: z.boolean(),
  })
  .refine((charge) => charge.amount_refunded <= charge.amount, {
    message: "amount_refunded is more than the charge's amount",
    path: ["amount_refunded"],
  });

/** How to find the order an event is about. */
export type OrderLocator = { orderId: string } | { paymentIntentId: string };

/** What a checkout session says was paid, checked against the order before it counts. */
export interface SessionFacts {
  sessionId: string;
  metadataOrderId: string | null;
  amountCents: number | null;
  currency: string | null;
}

interface Envelope {
  eventId: string;
  type: string;
}

export type PaymentAction =
  | (Envelope & {
      kind: "transition";
      locator: OrderLocator;
      event: OrderEvent;
      paymentIntentId: string | null;
      note?: string;
      /** Set for events that say money was (or is being) paid through a checkout session. */
      session?: SessionFacts;
      /** The checkout session an expiry or a failed delayed payment is about. */
      sessionId?: string;
    })
  | (Envelope & {
      /** A declined card on the checkout page: the session stays open for another try. */
      kind: "attempt_failed";
      orderId: string;
      paymentIntentId: string;
      message: string;
    })
  | (Envelope & {
      /** Stripe's running total of what was refunded on a charge (admin or dashboard refunds). */
      kind: "refund_observed";
      locator: OrderLocator;
      paymentIntentId: string | null;
      amountRefundedCents: number;
      /** As Stripe sends it (lower case), or null when the charge has none. */
      currency: string | null;
    })
  | (Envelope & {
      kind: "ignore";
      orderId: string | null;
      reason: string;
      /** A type the webhook does not handle: answered 2xx and not recorded (nothing to make idempotent). */
      unhandled?: true;
    });

export type ParseResult = { ok: true; action: PaymentAction } | { ok: false; error: string };

function idOf(value: z.infer<typeof expandable>): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

function present(value: string | null | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

type SessionMeaning = { event: OrderEvent } | { ignore: string };

/**
 * Checkout session events and what each means for the order. A completed session is "unpaid" when
 * a delayed method (SEPA, ACH…) was used: the async events say later how it ended.
 */
const sessionEvents: Partial<Record<string, (paymentStatus: string | undefined) => SessionMeaning>> = {
  "checkout.session.completed": (status) =>
    status === "paid" || status === "no_payment_required"
      ? { event: "payment_succeeded" }
      : status === "unpaid"
        ? { event: "payment_processing" }
        : { ignore: `Checkout completed with payment status "${status}"` },
  "checkout.session.async_payment_succeeded": () => ({ event: "payment_succeeded" }),
  "checkout.session.async_payment_failed": () => ({ event: "payment_failed" }),
  "checkout.session.expired": () => ({ event: "expired" }),
};

/** The first id among `fields` that cannot name an order, as a readable refusal. */
function invalidOrderIds(what: string, fields: Record<string, string | null>): string | null {
  for (const [field, value] of Object.entries(fields)) {
    const problem = value === null ? null : orderIdProblem(field, value);
    if (problem) return `${what} carries an invalid order id: ${problem}`;
  }
  return null;
}

/** Validates a verified Stripe event and maps it to what it means for an order. */
export function parsePaymentEvent(payload: unknown): ParseResult {
  const envelope = eventEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: `Malformed event: ${describeIssues(envelope.error)}` };
  const { id: eventId, type, data } = envelope.data;
  const base = { eventId, type };
  const ignore = (reason: string, orderId: string | null = null): ParseResult => ({
    ok: true,
    action: { ...base, kind: "ignore", orderId, reason },
  });
  const invalid = (error: z.ZodError): ParseResult => ({
    ok: false,
    error: `Invalid ${type} payload: ${describeIssues(error)}`,
  });

  const sessionEvent = sessionEvents[type];
  if (sessionEvent) {
    const session = checkoutSessionSchema.safeParse(data.object);
    if (!session.success) return invalid(session.error);
    const { data: s } = session;
    const metadataOrderId = present(s.metadata?.orderId);
    const clientReference = present(s.client_reference_id);
    const refused = invalidOrderIds("Checkout session", {
      client_reference_id: clientReference,
      "metadata.orderId": metadataOrderId,
    });
    if (refused) return { ok: false, error: refused };
    const orderId = clientReference ?? metadataOrderId;
    if (!orderId) return ignore("Checkout session carries no order id");
    const meaning = sessionEvent(s.payment_status);
    if ("ignore" in meaning) return ignore(meaning.ignore, orderId);
    const { event } = meaning;
    const paysMoney = event === "payment_succeeded" || event === "payment_processing";
    return {
      ok: true,
      action: {
        ...base,
        kind: "transition",
        locator: { orderId },
        event,
        paymentIntentId: idOf(s.payment_intent),
        ...(paysMoney
          ? {
              session: {
                sessionId: s.id,
                metadataOrderId,
                amountCents: s.amount_total ?? null,
                currency: present(s.currency),
              },
            }
          : { sessionId: s.id }),
      },
    };
  }

  switch (type) {
    case "payment_intent.payment_failed": {
      const intent = paymentIntentSchema.safeParse(data.object);
      if (!intent.success) return invalid(intent.error);
      const orderId = present(intent.data.metadata?.orderId);
      const refused = invalidOrderIds("Payment intent", { "metadata.orderId": orderId });
      if (refused) return { ok: false, error: refused };
      if (!orderId) return ignore("Payment intent carries no orderId metadata");
      // `__a` + `_declined_` + `b__` would be a reserved id.
      if (!isUsableDocumentId(declinedNoticeId(orderId, eventId))) {
        return { ok: false, error: "The order id and event id together cannot name a notification" };
      }
      const message = intent.data.last_payment_error?.message ?? "The payment was declined.";
      return {
        ok: true,
        action: { ...base, kind: "attempt_failed", orderId, paymentIntentId: intent.data.id, message },
      };
    }
    case "charge.refunded": {
      const charge = chargeSchema.safeParse(data.object);
      if (!charge.success) return invalid(charge.error);
      const paymentIntentId = idOf(charge.data.payment_intent);
      const orderId = present(charge.data.metadata?.orderId);
      const refused = invalidOrderIds("Charge", { "metadata.orderId": orderId });
      if (refused) return { ok: false, error: refused };
      const locator = orderId ? { orderId } : paymentIntentId ? { paymentIntentId } : null;
      if (!locator) return ignore("Charge carries neither an orderId nor a payment intent");
      return {
        ok: true,
        action: {
          ...base,
          kind: "refund_observed",
          locator,
          paymentIntentId,
          amountRefundedCents: charge.data.amount_refunded,
          currency: present(charge.data.currency),
        },
      };
    }
    default:
      return {
        ok: true,
        action: {
          ...base,
          kind: "ignore",
          orderId: null,
          reason: `Unhandled event type ${type}`,
          unhandled: true,
        },
      };
  }
}
