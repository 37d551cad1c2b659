import Stripe from "stripe";
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from "./provider";

// Stripe refuses sessions that expire sooner than 30 minutes from now; the order's own
// expiry job still releases stock on time, and a late expiry event is then ignored.
const MIN_SESSION_MS = 31 * 60 * 1000;

export function createStripeProvider(secretKey: string, storefrontUrl: string): PaymentProvider {
  if (!secretKey) throw new Error("STRIPE_SECRET_KEY is not set");
  const stripe = new Stripe(secretKey);
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
      const expiresAtMs = Math.max(request.expiresAt.getTime(), Date.now() + MIN_SESSION_MS);
      const orderPath = `${base}/orders/${encodeURIComponent(request.orderId)}`;
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: lineItems,
          client_reference_id: request.orderId,
          metadata: { orderId: request.orderId },
          payment_intent_data: { metadata: { orderId: request.orderId } },
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
          expires_at: Math.floor(expiresAtMs / 1000),
          success_url: `${orderPath}?checkout=success`,
          cancel_url: `${orderPath}?checkout=cancelled`,
        },
        { idempotencyKey: `${request.orderId}-checkout` },
      );
      if (!session.url) throw new Error(`Stripe returned no checkout URL for order ${request.orderId}`);
      return { sessionId: session.id, checkoutUrl: session.url };
    },
    async refund(request: RefundRequest): Promise<RefundResult> {
      const refund = await stripe.refunds.create(
        { payment_intent: request.paymentIntentId, metadata: { orderId: request.orderId } },
        // Per payment intent: an order's own payment and a late one are different refunds.
        { idempotencyKey: `refund-${request.paymentIntentId}` },
      );
      return { refundId: refund.id };
    },
  };
}
