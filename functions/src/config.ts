import { defineSecret, defineString } from "firebase-functions/params";

/**
 * Runtime configuration. Where each value comes from:
 * - functions/.env.demo-hearth (committed, loaded only for the emulator's demo project):
 *   PAYMENT_PROVIDER=local and STOREFRONT_URL for the local storefront.
 * - functions/.env.<your-project-id> (per deployment): PAYMENT_PROVIDER=stripe, STOREFRONT_URL.
 * - functions/.secret.local (emulator only, fixed dev values): STRIPE_WEBHOOK_SECRET, STRIPE_SECRET_KEY.
 *   In production both live in Secret Manager: `firebase functions:secrets:set STRIPE_SECRET_KEY`.
 */
export const REGION = "us-central1";

export const paymentProviderParam = defineString("PAYMENT_PROVIDER", {
  default: "stripe",
  description: 'Payment provider: "stripe" in production, "local" on the emulators',
});

export const storefrontUrlParam = defineString("STOREFRONT_URL", {
  default: "http://localhost:3000",
  description:
    "Public URL of the storefront; checkout success/cancel links and the local pay page live there",
});

export const stripeSecretKey = defineSecret("STRIPE_SECRET_KEY");
export const stripeWebhookSecret = defineSecret("STRIPE_WEBHOOK_SECRET");

/** True inside the Functions emulator or any process pointed at the Firestore emulator (tests). */
export function isEmulated(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.FUNCTIONS_EMULATOR === "true" || Boolean(env.FIRESTORE_EMULATOR_HOST);
}
