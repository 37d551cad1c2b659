import { signPayload, type StripeEvent } from "@hearth/stripe-events";
import { createLocalProvider } from "../../../functions/src/payments/local-provider";
import type { PaymentProvider, RefundRequest } from "../../../functions/src/payments/provider";
import type { WebhookRequest } from "../../../functions/src/payments/webhook";
import { webhookSecret } from "./function-env";

export type RecordingProvider = PaymentProvider & { refunds: RefundRequest[] };

/** The local provider, recording every refund call; the first `failures` calls throw, as a provider outage. */
export function recordingProvider(failures = 0): RecordingProvider {
  const inner = createLocalProvider("http://localhost:3000");
  let failuresLeft = failures;
  const refunds: RefundRequest[] = [];
  return {
    name: inner.name,
    refunds,
    createCheckoutSession: (request) => inner.createCheckoutSession(request),
    async refund(request) {
      refunds.push(request);
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error("Provider unavailable");
      }
      return inner.refund(request);
    },
  };
}

/** The request paymentWebhook hands to handleWebhook for an event signed as Stripe signs it. */
export function signedRequest(event: StripeEvent): WebhookRequest {
  const payload = JSON.stringify(event);
  const secret = webhookSecret();
  return { method: "POST", rawBody: Buffer.from(payload), signature: signPayload(payload, secret), secret };
}
