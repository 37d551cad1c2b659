import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { classifyError } from "../../src/orders/classify-error";
import { PermanentError } from "../../src/permanent-error";

function grpcError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code, details: message });
}

describe("classifyError", () => {
  it("keeps a PermanentError's shopper-readable reason", () => {
    expect(classifyError(new PermanentError("STRIPE_SECRET_KEY is not set", "No payments."))).toEqual({
      kind: "permanent",
      detail: "STRIPE_SECRET_KEY is not set",
      reason: "No payments.",
    });
  });

  it.each([
    [3, "INVALID_ARGUMENT"],
    [7, "PERMISSION_DENIED"],
    [11, "OUT_OF_RANGE"],
    [12, "UNIMPLEMENTED"],
  ])("treats Firestore code %i (%s) as permanent", (code, name) => {
    expect(classifyError(grpcError(code, name))).toMatchObject({ kind: "permanent", reason: null });
  });

  it.each([
    [1, "CANCELLED"],
    [2, "UNKNOWN"],
    [4, "DEADLINE_EXCEEDED"],
    [8, "RESOURCE_EXHAUSTED"],
    [9, "FAILED_PRECONDITION"],
    [10, "ABORTED"],
    [13, "INTERNAL"],
    [14, "UNAVAILABLE"],
  ])("treats Firestore code %i (%s) as transient", (code, name) => {
    expect(classifyError(grpcError(code, name)).kind).toBe("transient");
  });

  it("treats a transaction closed under contention as transient, though it comes as INVALID_ARGUMENT", () => {
    const closed = grpcError(3, "3 INVALID_ARGUMENT: Transaction is invalid or closed");
    expect(classifyError(closed).kind).toBe("transient");
  });

  it("treats network failures, Auth errors and unknown errors as transient", () => {
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }),
      Object.assign(new Error("Auth backend hiccup"), { code: "auth/internal-error" }),
      new TypeError("something odd"),
      "a string",
    ]) {
      expect(classifyError(error).kind).toBe("transient");
    }
  });

  it("reads Stripe errors by status: 4xx permanent, 409/429/5xx and connection errors transient", () => {
    const generate = (raw: Parameters<typeof Stripe.errors.StripeError.generate>[0]) =>
      classifyError(Stripe.errors.StripeError.generate(raw));
    expect(generate({ statusCode: 400, type: "invalid_request_error", message: "bad" })).toMatchObject({
      kind: "permanent",
      reason: null,
    });
    expect(generate({ statusCode: 402, type: "card_error", message: "declined" }).kind).toBe("permanent");
    expect(generate({ statusCode: 403, type: "invalid_request_error", message: "no" })).toMatchObject({
      kind: "permanent",
      reason: "The store cannot take payments right now.",
    });
    expect(
      generate({ statusCode: 400, type: "invalid_request_error", code: "amount_too_small" }),
    ).toMatchObject({
      kind: "permanent",
      reason: "The order total is less than the smallest payment we can take.",
    });
    expect(generate({ statusCode: 400, type: "invalid_request_error", code: "rate_limit" }).kind).toBe(
      "transient",
    );
    expect(generate({ statusCode: 409, type: "idempotency_error" }).kind).toBe("transient");
    expect(generate({ statusCode: 429, type: "invalid_request_error" }).kind).toBe("transient");
    expect(generate({ statusCode: 503, type: "api_error" }).kind).toBe("transient");
    expect(classifyError(new Stripe.errors.StripeConnectionError({ message: "reset" })).kind).toBe(
      "transient",
    );
  });
});
