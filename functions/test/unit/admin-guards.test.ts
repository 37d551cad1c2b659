import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import { describe, expect, it } from "vitest";
import { parseInput, requireAdmin } from "../../src/admins/require-admin";
import { cancelInputSchema, statusInputSchema } from "../../src/orders/admin-call-inputs";
import { setAdminInputSchema } from "../../src/admins/admin-callables";
import { describeIssues } from "../../src/orders/describe-issues";
import { downloadInputSchema, runReportInputSchema } from "../../src/reports/report-callables";

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

  it("needs a carrier and tracking number to ship, and neither to deliver", () => {
    expect(
      parseInput(statusInputSchema, {
        orderId: "o1",
        event: "shipped",
        carrier: " DHL ",
        trackingNumber: " JD0146 ",
      }),
    ).toEqual({ orderId: "o1", event: "shipped", shipment: { carrier: "DHL", trackingNumber: "JD0146" } });
    expect(parseInput(statusInputSchema, { orderId: "o1", event: "delivered" })).toEqual({
      orderId: "o1",
      event: "delivered",
    });
    const missing = statusInputSchema.safeParse({ orderId: "o1", event: "shipped", carrier: "DHL" });
    expect(missing.error && describeIssues(missing.error)).toBe(
      "trackingNumber: Required to mark an order shipped",
    );
    const extra = statusInputSchema.safeParse({ orderId: "o1", event: "delivered", trackingNumber: "1" });
    expect(extra.error && describeIssues(extra.error)).toBe(
      "trackingNumber: Only given when marking an order shipped",
    );
    for (const bad of [
      { carrier: "", trackingNumber: "1" },
      { carrier: "DHL", trackingNumber: "x".repeat(65) },
      { carrier: "DHL\u0007", trackingNumber: "1" },
    ]) {
      expect(codeOf(() => parseInput(statusInputSchema, { orderId: "o1", event: "shipped", ...bad }))).toBe(
        "invalid-argument",
      );
    }
  });

  it("checks admin-management and report input", () => {
    expect(parseInput(setAdminInputSchema, { email: " Ada@Example.COM ", admin: false })).toEqual({
      email: "ada@example.com",
      admin: false,
    });
    for (const bad of [
      { email: "ada", admin: true },
      { email: "ada@example.com" },
      { email: "a@b.co", admin: "yes" },
    ])
      expect(codeOf(() => parseInput(setAdminInputSchema, bad))).toBe("invalid-argument");
    expect(parseInput(runReportInputSchema, {})).toEqual({});
    expect(parseInput(runReportInputSchema, { date: "2025-02-28" })).toEqual({ date: "2025-02-28" });
    for (const date of ["2025-02-30", "28/02/2025", "", 20250228])
      expect(codeOf(() => parseInput(downloadInputSchema, { date }))).toBe("invalid-argument");
  });

  it("describes schema issues as one sentence", () => {
    const parsed = statusInputSchema.safeParse({ orderId: "", event: "paid" });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error)).toMatch(/^orderId: .+; event: .+/);
  });
});
