import type { OrderLine } from "@hearth/domain";

export const paymentProviderNames = ["stripe", "local"] as const;
export type PaymentProviderName = (typeof paymentProviderNames)[number];

export interface CheckoutRequest {
  orderId: string;
  lines: readonly OrderLine[];
  shippingCents: number;
  totalCents: number;
  currency: string;
  customerEmail: string | null;
  expiresAt: Date;
}

export interface CheckoutSession {
  sessionId: string;
  checkoutUrl: string;
}

export interface RefundRequest {
  orderId: string;
  paymentIntentId: string;
  /** Exactly this much goes back; the provider refuses more than is left on the payment. */
  amountCents: number;
  /** Recorded before the call (order id + attempt), so a retry can never refund twice. */
  idempotencyKey: string;
}

export interface RefundResult {
  refundId: string;
}

/**
 * What the saga needs from a payment provider. Calls happen outside Firestore transactions
 * and must be idempotent — checkout per order, refund per recorded refund attempt: a retried trigger
 * or webhook delivery calls them again.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  createCheckoutSession(request: CheckoutRequest): Promise<CheckoutSession>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
