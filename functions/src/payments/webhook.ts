import type { Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { onRequest } from "firebase-functions/v2/https";
import Stripe from "stripe";
import { db } from "../admin";
import { auth } from "../admin-auth";
import { REGION, stripeSecretKey, stripeWebhookSecret } from "../config";
import { emailLookup, type EmailLookup } from "../notifications/notify-status-change";
import { logSagaStep } from "../orders/saga-log";
import { applyPaymentEvent } from "./apply-payment-event";
import { completeLateRefund, type LateRefundResult } from "./complete-late-refund";
import { parsePaymentEvent, type PaymentAction } from "./payment-events";
import type { PaymentProvider } from "./provider";
import { providerFromConfig } from "./select-provider";

export interface WebhookRequest {
  method: string;
  rawBody: Buffer | undefined;
  signature: string | undefined;
  secret: string;
}

export interface WebhookDeps {
  /** Called only when a late payment has to be refunded. */
  provider: () => PaymentProvider;
  lookupEmail: EmailLookup;
}

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Verify → validate → record-and-apply in one transaction → refund a late payment → answer.
 * 2xx only after the commit (and the refund); 5xx when processing failed so the provider retries;
 * 400 for anything unsigned or malformed.
 */
export async function handleWebhook(
  db: Firestore,
  request: WebhookRequest,
  deps: WebhookDeps,
): Promise<WebhookResponse> {
  if (request.method !== "POST") return { status: 405, body: { error: "Use POST" } };
  if (!request.secret) {
    logger.error("STRIPE_WEBHOOK_SECRET is not configured");
    return { status: 500, body: { error: "Webhook is not configured" } };
  }
  if (!request.rawBody || !request.signature) {
    return { status: 400, body: { error: "Missing body or Stripe-Signature header" } };
  }

  let event: unknown;
  try {
    // Checks the HMAC over the raw bytes and that the timestamp is within the default 5 minutes.
    event = Stripe.webhooks.constructEvent(request.rawBody, request.signature, request.secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      logger.warn("Rejected webhook with a bad signature", { error: error.message });
      return { status: 400, body: { error: "Invalid signature" } };
    }
    // Signed by the secret's holder, but not an event: say so rather than blame the signature.
    logger.warn("Rejected a signed webhook body that is not a JSON event", { error: String(error) });
    return { status: 400, body: { error: "The body is not a JSON event" } };
  }

  const parsed = parsePaymentEvent(event);
  if (!parsed.ok) {
    logSagaStep(
      "webhook_refused",
      "Refused a malformed webhook event",
      { orderId: null, error: parsed.error },
      "warn",
    );
    return { status: 400, body: { error: parsed.error } };
  }

  const { action } = parsed;
  try {
    const { lateRefund, ...result } = await applyPaymentEvent(db, action);
    let refund: LateRefundResult | null = null;
    if (lateRefund) refund = await completeLateRefund(db, deps.provider(), lateRefund, deps.lookupEmail);
    return { status: 200, body: { received: true, ...result, ...(refund ? { lateRefund: refund } : {}) } };
  } catch (error) {
    logger.error("Webhook processing failed; the provider will retry", {
      orderId: orderIdOf(action),
      eventId: action.eventId,
      type: action.type,
      error: String(error),
    });
    return { status: 500, body: { error: "Processing failed" } };
  }
}

function orderIdOf(action: PaymentAction): string | null {
  if ("locator" in action) return "orderId" in action.locator ? action.locator.orderId : null;
  return action.orderId;
}

export const paymentWebhook = onRequest(
  {
    region: REGION,
    memory: "256MiB",
    maxInstances: 20,
    secrets: [stripeWebhookSecret, stripeSecretKey],
  },
  async (req, res) => {
    const header = req.get("stripe-signature");
    const response = await handleWebhook(
      db,
      {
        method: req.method,
        rawBody: req.rawBody,
        signature: header,
        secret: stripeWebhookSecret.value(),
      },
      { provider: providerFromConfig, lookupEmail: emailLookup(db, auth) },
    );
    res.status(response.status).json(response.body);
  },
);
