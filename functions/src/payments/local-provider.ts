import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from "./provider";

/**
 * Emulator stand-in for Stripe. Ids derive from the order id, so repeated calls are idempotent.
 * The checkout page is the storefront's test payment page, which posts Stripe-shaped,
 * Stripe-signed events to paymentWebhook.
 */
export function createLocalProvider(storefrontUrl: string): PaymentProvider {
  const base = storefrontUrl.replace(/\/+$/, "");
  return {
    name: "local",
    async createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession> {
      const orderId = encodeURIComponent(request.orderId);
      return { sessionId: `cs_local_${request.orderId}`, checkoutUrl: `${base}/pay/${orderId}` };
    },
    async refund(request: RefundRequest): Promise<RefundResult> {
      return { refundId: `re_local_${request.idempotencyKey}` };
    },
  };
}
