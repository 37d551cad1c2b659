import { describe, expect, it } from "vitest";
import { isEmulated } from "../../src/config";
import { selectProvider, type ProviderSettings } from "../../src/payments/select-provider";

const base: ProviderSettings = {
  name: "local",
  emulated: true,
  storefrontUrl: "http://localhost:3000/",
  stripeSecretKey: () => {
    throw new Error("the Stripe key must not be read");
  },
};

describe("selectProvider", () => {
  it("uses the local provider on the emulators, with the storefront's test payment page", async () => {
    const provider = selectProvider(base);
    expect(provider.name).toBe("local");
    await expect(
      provider.createCheckoutSession({
        orderId: "order 1",
        lines: [],
        shippingCents: 0,
        totalCents: 100,
        currency: "USD",
        customerEmail: null,
        expiresAt: new Date(),
      }),
    ).resolves.toEqual({ sessionId: "cs_local_order 1", checkoutUrl: "http://localhost:3000/pay/order%201" });
    await expect(
      provider.refund({ orderId: "o", paymentIntentId: "pi", amountCents: 1, idempotencyKey: "o-refund-1" }),
    ).resolves.toEqual({ refundId: "re_local_o-refund-1" });
  });

  it("refuses the local provider outside the emulators", () => {
    expect(() => selectProvider({ ...base, emulated: false })).toThrow(/only runs on the emulators/);
  });

  it("defaults to Stripe and needs its secret key", () => {
    expect(() => selectProvider({ ...base, name: "", stripeSecretKey: () => "" })).toThrow(
      /STRIPE_SECRET_KEY/,
    );
    expect(selectProvider({ ...base, name: "stripe", stripeSecretKey: () => "sk_test_x" }).name).toBe(
      "stripe",
    );
  });

  it("rejects unknown provider names", () => {
    expect(() => selectProvider({ ...base, name: "paypal" })).toThrow(
      /PAYMENT_PROVIDER must be one of stripe, local/,
    );
  });

  it("detects the emulators from the environment", () => {
    expect(isEmulated({ FUNCTIONS_EMULATOR: "true" })).toBe(true);
    expect(isEmulated({ FIRESTORE_EMULATOR_HOST: "127.0.0.1:8080" })).toBe(true);
    expect(isEmulated({})).toBe(false);
  });
});
