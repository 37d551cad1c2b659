import type Stripe from "stripe";
import { PAYMENTS_UNAVAILABLE, PermanentError } from "../permanent-error";

/**
 * `permanent`: retrying cannot help, so the order is settled now; `reason` is a shopper-readable
 * sentence when the error says something specific, else null. `transient`: throw, the trigger retries.
 */
export type ErrorClass =
  { kind: "transient"; detail: string } | { kind: "permanent"; detail: string; reason: string | null };

// gRPC status codes (Firestore): INVALID_ARGUMENT, PERMISSION_DENIED, OUT_OF_RANGE, UNIMPLEMENTED.
// ABORTED, UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED… pass with time.
const PERMANENT_GRPC_CODES: ReadonlySet<number> = new Set([3, 7, 11, 12]);

// Stripe answers these for a request that will be refused the same way every time.
const PERMANENT_STRIPE_STATUSES: ReadonlySet<number> = new Set([400, 401, 402, 403, 404]);
const TRANSIENT_STRIPE_CODES: ReadonlySet<string> = new Set(["rate_limit", "lock_timeout"]);

export function classifyError(error: unknown): ErrorClass {
  const detail = describeError(error);
  if (error instanceof PermanentError) return { kind: "permanent", detail, reason: error.reason };
  if (isStripeError(error)) return classifyStripeError(error, detail);
  const code = isRecord(error) ? error.code : undefined;
  // "Transaction is invalid or closed" comes as INVALID_ARGUMENT when contention outlasts a
  // transaction (seen on the emulator with many orders for one product): a retry runs a new one.
  if (typeof code === "number" && PERMANENT_GRPC_CODES.has(code) && !/transaction/i.test(detail)) {
    return { kind: "permanent", detail, reason: null };
  }
  // Network errors, Firestore contention and unknown failures: retried, within the event-age bound.
  return { kind: "transient", detail };
}

function classifyStripeError(error: Stripe.errors.StripeError, detail: string): ErrorClass {
  if (
    error.type === "StripeConnectionError" ||
    error.type === "StripeRateLimitError" ||
    (error.code !== undefined && TRANSIENT_STRIPE_CODES.has(error.code)) ||
    error.statusCode === undefined ||
    !PERMANENT_STRIPE_STATUSES.has(error.statusCode)
  ) {
    return { kind: "transient", detail };
  }
  return { kind: "permanent", detail, reason: stripeReason(error) };
}

function stripeReason(error: Stripe.errors.StripeError): string | null {
  if (error.statusCode === 401 || error.statusCode === 403) return PAYMENTS_UNAVAILABLE;
  if (error.code === "amount_too_large") return "The order total is more than a single payment can be.";
  if (error.code === "amount_too_small")
    return "The order total is less than the smallest payment we can take.";
  // Stripe wants a session to live 30 minutes; the order's own expiry is too close by now.
  if (error.param === "expires_at") return "The checkout could not be opened in time.";
  return null;
}

function describeError(error: unknown): string {
  if (isStripeError(error)) {
    const parts = [error.type, error.statusCode, error.code, error.param].filter(
      (part) => part !== undefined,
    );
    return `${error.message} (${parts.join(", ")})`;
  }
  if (error instanceof Error) {
    const code = isRecord(error) ? error.code : undefined;
    return code === undefined ? error.message : `${error.message} (code ${String(code)})`;
  }
  return String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

// Stripe names each error's class in `type`; checking it keeps the Stripe SDK out of the
// functions that only classify errors (onOrderUpdated).
function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return (
    error instanceof Error &&
    isRecord(error) &&
    typeof error.type === "string" &&
    /^Stripe\w*Error$/.test(error.type)
  );
}
