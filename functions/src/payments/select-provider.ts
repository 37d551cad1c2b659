import * as z from "zod";
import { isEmulated, paymentProviderParam, storefrontUrlParam, stripeSecretKey } from "../config";
import { PAYMENTS_UNAVAILABLE, PermanentError } from "../permanent-error";
import { createLocalProvider } from "./local-provider";
import { paymentProviderNames, type PaymentProvider } from "./provider";
import { createStripeProvider } from "./stripe-provider";

export interface ProviderSettings {
  /** Raw PAYMENT_PROVIDER value; empty means the param's default ("stripe"). */
  name: string;
  emulated: boolean;
  storefrontUrl: string;
  /** Read lazily: the local provider never needs the Stripe key. */
  stripeSecretKey: () => string;
}

const providerNameSchema = z.enum(paymentProviderNames);

export function selectProvider(settings: ProviderSettings): PaymentProvider {
  const parsed = providerNameSchema.safeParse(settings.name.trim() || "stripe");
  if (!parsed.success) {
    throw new PermanentError(
      `PAYMENT_PROVIDER must be one of ${paymentProviderNames.join(", ")}, got "${settings.name}"`,
      PAYMENTS_UNAVAILABLE,
    );
  }
  if (parsed.data === "local") {
    // Fake payments must never be reachable in production.
    if (!settings.emulated) {
      throw new PermanentError("The local payment provider only runs on the emulators", PAYMENTS_UNAVAILABLE);
    }
    return createLocalProvider(settings.storefrontUrl);
  }
  return createStripeProvider(settings.stripeSecretKey(), settings.storefrontUrl);
}

/**
 * The provider chosen by the deployed configuration (see config.ts for which file sets what).
 * Configuration errors throw PermanentError: no retry fixes them until someone redeploys.
 */
export function providerFromConfig(): PaymentProvider {
  return selectProvider({
    name: paymentProviderParam.value(),
    emulated: isEmulated(),
    storefrontUrl: storefrontUrlParam.value() || "http://localhost:3000",
    stripeSecretKey: () => stripeSecretKey.value(),
  });
}
