import { isDeepStrictEqual } from "node:util";
import Stripe from "stripe";
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentProvider,
  RefundRequest,
} from "../../../functions/src/payments/provider";

/**
 * How the next call goes wrong. `unavailable`: refused before anything happens (Stripe cannot be
 * reached); `lost`: done at the provider, but the answer never arrives (the process or the network
 * died after the call); `refused`: Stripe answers 400 for good; `during` runs while the call is in
 * flight, e.g. the shopper cancelling.
 */
export type Fault =
  | { kind: "unavailable" }
  | { kind: "lost" }
  | { kind: "refused"; code: string }
  | { kind: "during"; run: () => Promise<void> };

/**
 * Plays Stripe's side of the saga as Stripe behaves: one checkout session per order (idempotency
 * key `{orderId}-checkout`) and one refund per idempotency key, the same answer for a repeated key,
 * and an error when a repeated key comes with other parameters.
 */
export interface FaultyProvider extends PaymentProvider {
  readonly sessions: Map<string, { request: CheckoutRequest; session: CheckoutSession }>;
  readonly refunds: Map<string, RefundRequest>;
  /** Every call, including failed ones. */
  readonly calls: { sessions: number; refunds: number };
  failNext(...faults: Fault[]): void;
}

function refusal(code: string): Stripe.errors.StripeInvalidRequestError {
  return new Stripe.errors.StripeInvalidRequestError({ message: `Refused (${code})`, code, statusCode: 400 });
}

export function faultyProvider(): FaultyProvider {
  const faults: Fault[] = [];
  const sessions = new Map<string, { request: CheckoutRequest; session: CheckoutSession }>();
  const refunds = new Map<string, RefundRequest>();
  const calls = { sessions: 0, refunds: 0 };

  async function around<T>(work: () => T): Promise<T> {
    const fault = faults.shift();
    if (fault?.kind === "unavailable") {
      throw new Stripe.errors.StripeConnectionError({
        message: "An error occurred with our connection to Stripe",
      });
    }
    if (fault?.kind === "refused") throw refusal(fault.code);
    if (fault?.kind === "during") await fault.run();
    const result = work();
    if (fault?.kind === "lost") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return result;
  }

  return {
    name: "stripe",
    sessions,
    refunds,
    calls,
    failNext: (...next) => faults.push(...next),
    createCheckoutSession(request) {
      calls.sessions += 1;
      return around(() => {
        const known = sessions.get(request.orderId);
        if (known && !isDeepStrictEqual(known.request, request)) {
          throw new Stripe.errors.StripeIdempotencyError({
            message: "Keys for idempotent requests can only be used with the same parameters",
          });
        }
        if (known) return known.session;
        const session = {
          sessionId: `cs_test_${request.orderId}`,
          checkoutUrl: `https://checkout.test/${request.orderId}`,
        };
        sessions.set(request.orderId, { request, session });
        return session;
      });
    },
    refund(request) {
      calls.refunds += 1;
      return around(() => {
        const known = refunds.get(request.idempotencyKey);
        if (known && !isDeepStrictEqual(known, request)) {
          throw new Stripe.errors.StripeIdempotencyError({
            message: "Keys for idempotent requests can only be used with the same parameters",
          });
        }
        refunds.set(request.idempotencyKey, request);
        return { refundId: `re_test_${request.idempotencyKey}` };
      });
    },
  };
}
