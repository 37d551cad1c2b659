import Stripe from "stripe";
import { PAYMENTS_UNAVAILABLE, PermanentError } from "../permanent-error";
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from "./provider";

/**
 * Every parameter of a Stripe call is a pure function of the stored order (no clock, no fresh
 * reads): a retry under the same idempotency key must send the same request, or Stripe refuses it.
 * `stripeConfig` is for tests (a fake `httpClient`). Stripe's errors are thrown as they come
 * (`Stripe.errors.*`), for the caller to classify.
 */
export function createStripeProvider(
  secretKey: string,
  storefrontUrl: string,
  stripeConfig: Stripe.StripeConfig = {},
): PaymentProvider {
  if (!secretKey) throw new PermanentError("STRIPE_SECRET_KEY is not set", PAYMENTS_UNAVAILABLE);
  const stripe = new Stripe(secretKey, stripeConfig);
  const base = storefrontUrl.replace(/\/+$/, "");

  return {
    name: "stripe",
    async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
      const currency = request.currency.toLowerCase();
      const lineItems = request.lines.map((line) => ({
        quantity: line.quantity,
        price_data: { currency, unit_amount: line.unitPriceCents, product_data: { name: line.name } },
      }));
      if (request.shippingCents > 0) {
        lineItems.push({
          quantity: 1,
          price_data: { currency, unit_amount: request.shippingCents, product_data: { name: "Shipping" } },
        });
      }
      const orderPath = `${base}/orders/${encodeURIComponent(request.orderId)}`;
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: lineItems,
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId },
          payment_intent_data: { metadata: { orderId: request.orderId } },
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
          // The order's own expiry. Stripe wants at least 30 minutes from the session's creation;
          // a session first created too late is refused, and the order's payment then fails.
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
          success_url: `${orderPath}?checkout=success`,
          cancel_url: `${orderPath}?checkout=cancelled`,
        },
        { idempotencyKey: `${request.orderId}-checkout` },
      );
      if (!session.url) {
        // A replay under the same key answers the same: retrying cannot help.
        throw new PermanentError(
          `Stripe returned no checkout URL for order ${request.orderId}`,
          "The payment provider did not open a checkout page for this order.",
        );
      }
      return { sessionId: session.id, checkoutUrl: session.url };
    },
    async refund(request: RefundRequest): Promise<RefundResult> {
      const refund = await stripe.refunds.create(
        {
          payment_intent: request.paymentIntentId,
          amount: request.amountCents,
          metadata: { orderId: request.orderId },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { refundId: refund.id };
    },
  };
}
