import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { classifyError } from "../../src/orders/classify-error";
import { PermanentError } from "../../src/permanent-error";
import type { CheckoutRequest } from "../../src/payments/provider";
import { createStripeProvider } from "../../src/payments/stripe-provider";
import { FakeStripeHttp, stripeError, type FakeReply } from "./support/fake-stripe-http";

const PRICED_AT = Date.UTC(2026, 0, 1, 12, 0, 0);

/** What payment-session.ts reads from an order priced at PRICED_AT (expiry 32 minutes later). */
const order: CheckoutRequest = {
  orderId: "order-1",
  lines: [
    { productId: "mug", name: "Mug", unitPriceCents: 1_250, quantity: 2, lineTotalCents: 2_500 },
    { productId: "tea", name: "Tea & Co", unitPriceCents: 300, quantity: 1, lineTotalCents: 300 },
  ],
  shippingCents: 500,
  totalCents: 3_300,
  currency: "USD",
  customerEmail: "ada@example.test",
  expiresAt: new Date(PRICED_AT + 32 * 60_000),
};

const created: FakeReply = {
  status: 200,
  body: { id: "cs_test_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_1" },
};

function provider(http: FakeStripeHttp, config: Stripe.StripeConfig = {}) {
  return createStripeProvider("sk_test_fake", "https://shop.example/", { httpClient: http, ...config });
}

/** One fresh provider per attempt, as a new function instance after the previous one died. */
async function attempt(at: number, ...replies: FakeReply[]) {
  vi.setSystemTime(at);
  const http = new FakeStripeHttp(...replies);
  const session = await provider(http).createCheckoutSession(order);
  const [request] = http.requests;
  if (!request) throw new Error("no request was sent");
  return { session, request };
}

async function failure(reply: FakeReply | Error): Promise<unknown> {
  const http = new FakeStripeHttp(reply);
  return provider(http, { maxNetworkRetries: 0 })
    .createCheckoutSession(order)
    .then(
      () => {
        throw new Error("expected the call to fail");
      },
      (error: unknown) => error,
    );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("Stripe provider: checkout session", () => {
  it("sends exactly the order's parameters under the order's idempotency key", async () => {
    const { session, request } = await attempt(PRICED_AT + 5_000, created);

    expect(session).toEqual({
      sessionId: "cs_test_1",
      checkoutUrl: "https://checkout.stripe.com/c/pay/cs_test_1",
    });
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.headers["Idempotency-Key"]).toBe("order-1-checkout");
    expect(request.headers["Content-Type"]).toBe("application/x-www-form-urlencoded");
    expect([...new URLSearchParams(request.body)]).toEqual([
      ["mode", "payment"],
      ["line_items[0][quantity]", "2"],
      ["line_items[0][price_data][currency]", "usd"],
      ["line_items[0][price_data][unit_amount]", "1250"],
      ["line_items[0][price_data][product_data][name]", "Mug"],
      ["line_items[1][quantity]", "1"],
      ["line_items[1][price_data][currency]", "usd"],
      ["line_items[1][price_data][unit_amount]", "300"],
      ["line_items[1][price_data][product_data][name]", "Tea & Co"],
      ["line_items[2][quantity]", "1"],
      ["line_items[2][price_data][currency]", "usd"],
      ["line_items[2][price_data][unit_amount]", "500"],
      ["line_items[2][price_data][product_data][name]", "Shipping"],
      ["client_reference_id", "order-1"],
      ["metadata[orderId]", "order-1"],
      ["payment_intent_data[metadata][orderId]", "order-1"],
      ["customer_email", "ada@example.test"],
      // The order's own expiry (12:32:00Z), whatever the clock says.
      ["expires_at", "1767270720"],
      ["success_url", "https://shop.example/orders/order-1?checkout=success"],
      ["cancel_url", "https://shop.example/orders/order-1?checkout=cancelled"],
    ]);
  });

  it("sends a byte-identical request when the same order is retried an hour later", async () => {
    const first = await attempt(PRICED_AT + 5_000, created);
    const retry = await attempt(PRICED_AT + 65 * 60_000, created);

    expect(retry.request.body).toBe(first.request.body);
    expect(retry.request.headers).toEqual(first.request.headers);
    expect(retry.request.path).toBe(first.request.path);
  });

  it("leaves the email out when the order has none, and sends no shipping line when it is free", async () => {
    vi.setSystemTime(PRICED_AT);
    const http = new FakeStripeHttp(created);
    await provider(http).createCheckoutSession({ ...order, customerEmail: null, shippingCents: 0 });
    const params = new URLSearchParams(http.requests[0]?.body);
    expect(params.has("customer_email")).toBe(false);
    expect(params.has("line_items[2][quantity]")).toBe(false);
  });

  it("retries a 5xx inside the SDK with the same key and body", async () => {
    vi.useRealTimers();
    const http = new FakeStripeHttp(stripeError(500, { type: "api_error", message: "boom" }), created);
    await expect(
      provider(http, { maxNetworkRetries: 1 }).createCheckoutSession(order),
    ).resolves.toMatchObject({
      sessionId: "cs_test_1",
    });
    const [first, second] = http.requests;
    expect(second?.headers["Idempotency-Key"]).toBe(first?.headers["Idempotency-Key"]);
    expect(second?.body).toBe(first?.body);
  });
});

describe("Stripe provider: errors come through typed and classified", () => {
  it("an expiry Stripe refuses (session first created too late) is permanent, with a readable reason", async () => {
    const error = await failure(
      stripeError(400, {
        type: "invalid_request_error",
        param: "expires_at",
        message: "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(classifyError(error)).toMatchObject({
      kind: "permanent",
      reason: "The checkout could not be opened in time.",
    });
  });

  it("a total above what Stripe can charge is permanent", async () => {
    const error = await failure(
      stripeError(400, { type: "invalid_request_error", code: "amount_too_large", message: "Too large" }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(classifyError(error)).toMatchObject({ kind: "permanent", reason: expect.stringMatching(/total/) });
  });

  it("a replay with different parameters (idempotency error) is permanent", async () => {
    const error = await failure(
      stripeError(400, {
        type: "idempotency_error",
        message: "Keys for idempotent requests can only be used…",
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(classifyError(error)).toMatchObject({ kind: "permanent", reason: null });
  });

  it("a rejected API key is permanent: the store cannot take payments", async () => {
    const error = await failure(
      stripeError(401, { type: "invalid_request_error", message: "Invalid API Key" }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(classifyError(error)).toMatchObject({
      kind: "permanent",
      reason: "The store cannot take payments right now.",
    });
  });

  it.each([
    {
      name: "429",
      reply: stripeError(429, { type: "invalid_request_error", message: "Too many" }),
      type: Stripe.errors.StripeRateLimitError,
    },
    {
      name: "500",
      reply: stripeError(500, { type: "api_error", message: "Internal" }),
      type: Stripe.errors.StripeAPIError,
    },
    {
      name: "409 key in use",
      reply: stripeError(409, {
        type: "idempotency_error",
        code: "idempotency_key_in_use",
        message: "In use",
      }),
      type: Stripe.errors.StripeAPIError,
    },
    {
      name: "lock timeout",
      reply: stripeError(400, { type: "invalid_request_error", code: "lock_timeout", message: "Locked" }),
      type: Stripe.errors.StripeInvalidRequestError,
    },
    {
      name: "dropped connection",
      reply: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      type: Stripe.errors.StripeConnectionError,
    },
  ])("$name is transient", async ({ reply, type }) => {
    const error = await failure(reply);
    expect(error).toBeInstanceOf(type);
    expect(classifyError(error).kind).toBe("transient");
  });

  it("a missing secret key is permanent before any request", () => {
    let thrown: unknown;
    try {
      createStripeProvider("", "https://shop.example");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PermanentError);
    expect(classifyError(thrown)).toMatchObject({
      kind: "permanent",
      reason: "The store cannot take payments right now.",
    });
  });
});
