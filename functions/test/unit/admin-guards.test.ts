import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import { describe, expect, it } from "vitest";
import {
  cancelInputSchema,
  parseInput,
  requireAdmin,
  statusInputSchema,
} from "../../src/orders/admin-callables";
import { describeIssues } from "../../src/orders/describe-issues";

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof HttpsError ? error.code : "not-an-HttpsError";
  }
}

function token(claims: Record<string, unknown>): NonNullable<CallableRequest["auth"]> {
  const now = Math.floor(Date.now() / 1000);
  return {
    uid: "u1",
    rawToken: "raw",
    token: {
      ...claims,
      uid: "u1",
      sub: "u1",
      aud: "demo-hearth",
      iss: "https://securetoken.google.com/demo-hearth",
      iat: now,
      exp: now + 3600,
      auth_time: now,
      firebase: { identities: {}, sign_in_provider: "password" },
    },
  };
}

describe("admin callable guards", () => {
  it("needs a signed-in caller with the admin claim set to true", () => {
    expect(codeOf(() => requireAdmin({ auth: undefined }))).toBe("unauthenticated");
    expect(codeOf(() => requireAdmin({ auth: token({}) }))).toBe("permission-denied");
    expect(codeOf(() => requireAdmin({ auth: token({ admin: "true" }) }))).toBe("permission-denied");
    expect(requireAdmin({ auth: token({ admin: true }) })).toBe("u1");
  });

  it("turns bad input into invalid-argument with the field named", () => {
    expect(parseInput(cancelInputSchema, { orderId: " o1 ", reason: "dup" })).toEqual({
      orderId: "o1",
      reason: "dup",
    });
    expect(codeOf(() => parseInput(cancelInputSchema, { orderId: "o1", extra: 1 }))).toBe("invalid-argument");
    expect(codeOf(() => parseInput(statusInputSchema, { orderId: "o1", event: "paid" }))).toBe(
      "invalid-argument",
    );
    expect(codeOf(() => parseInput(statusInputSchema, null))).toBe("invalid-argument");
  });

  it("describes schema issues as one sentence", () => {
    const parsed = statusInputSchema.safeParse({ orderId: "", event: "paid" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toMatch(/^orderId: .+; event: .+/);
  });
});
