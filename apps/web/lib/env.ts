import "server-only";
import { z } from "zod";
import { browserEmulatorTargets, isDemoProject, publicEnv, type EmulatorTargets } from "./public-env";

/**
 * The environment, read and validated in one place with two files: lib/public-env.ts reads the
 * NEXT_PUBLIC_* variables (zod-free, so browser code can import it without shipping a validation
 * library), and this module, for the server, reads every other variable, with zod, and re-exports
 * the public half. Nothing else reads process.env.
 *
 * NEXT_PUBLIC_* values are inlined by `next build` and so are frozen at build time. Emulator rule:
 * the browser uses NEXT_PUBLIC_*_EMULATOR_HOST; the server prefers the standard runtime variables
 * that `firebase emulators:exec` sets (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST,
 * FIREBASE_STORAGE_EMULATOR_HOST), and a service whose runtime variable is set is always emulated,
 * as with the Admin SDK. Browser code imports lib/public-env.ts, never this module.
 */

export {
  browserEmulatorTargets,
  publicEnv,
  splitHost,
  type EmulatorService,
  type EmulatorTargets,
  type FirebaseWebConfig,
  type PublicEnv,
} from "./public-env";

const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().trim().min(1).optional());
const hostSchema = z.string().regex(/^[\w.-]+:\d{1,5}$/, "Expected host:port, e.g. 127.0.0.1:8080");
const optionalHost = z.preprocess(blankAsUnset, hostSchema.optional());

function parseEnv<T extends z.ZodType>(schema: T, raw: unknown, label: string): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid ${label} environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

const serverEnvSchema = z.object({
  FIRESTORE_EMULATOR_HOST: optionalHost,
  FIREBASE_AUTH_EMULATOR_HOST: optionalHost,
  FIREBASE_STORAGE_EMULATOR_HOST: optionalHost,
});

/** Where the server SDK connects: read per call, so `next start` follows its runtime env. */
export function serverEmulatorTargets(): EmulatorTargets {
  const runtime = parseEnv(
    serverEnvSchema,
    {
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST,
      FIREBASE_AUTH_EMULATOR_HOST: process.env.FIREBASE_AUTH_EMULATOR_HOST,
      FIREBASE_STORAGE_EMULATOR_HOST: process.env.FIREBASE_STORAGE_EMULATOR_HOST,
    },
    "server",
  );
  const fallback = browserEmulatorTargets();
  return {
    firestore: runtime.FIRESTORE_EMULATOR_HOST ?? fallback.firestore,
    auth: runtime.FIREBASE_AUTH_EMULATOR_HOST ?? fallback.auth,
    storage: runtime.FIREBASE_STORAGE_EMULATOR_HOST ?? fallback.storage,
    functions: fallback.functions,
  };
}

/**
 * Server-only settings of the storefront's test payment page (/pay/{orderId}), read per call.
 * Local defaults match the functions' emulator configuration:
 * - PAYMENT_PROVIDER: "local" for demo-* projects, else "stripe" (functions/.env.demo-hearth).
 * - STRIPE_WEBHOOK_SECRET: the fixed dev value in functions/.secret.local.
 * - PAYMENT_WEBHOOK_URL: unset means the Functions emulator's paymentWebhook, found through the
 *   emulator hub that `firebase emulators:exec` names in FIREBASE_EMULATOR_HUB (so any port offset
 *   works), else http://127.0.0.1:5001/{projectId}/us-central1/paymentWebhook.
 * The page works only with the local provider against emulated Firestore.
 */
export const LOCAL_WEBHOOK_SECRET = "whsec_hearth_local_dev_only_0123456789abcdef";

const paymentTestEnvSchema = z.object({
  PAYMENT_PROVIDER: z.preprocess(blankAsUnset, z.enum(["local", "stripe"]).optional()),
  PAYMENT_WEBHOOK_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  STRIPE_WEBHOOK_SECRET: optionalText,
  FIREBASE_EMULATOR_HUB: optionalHost,
});

export type PaymentTestEnv =
  | {
      enabled: true;
      /** PAYMENT_WEBHOOK_URL, or null to look the Functions emulator up (see above). */
      webhookUrl: string | null;
      emulatorHub: string | null;
      webhookSecret: string;
      firestoreHost: string;
      projectId: string;
    }
  | { enabled: false; reason: string };

export function paymentTestEnv(): PaymentTestEnv {
  const raw = parseEnv(
    paymentTestEnvSchema,
    {
      PAYMENT_PROVIDER: process.env.PAYMENT_PROVIDER,
      PAYMENT_WEBHOOK_URL: process.env.PAYMENT_WEBHOOK_URL,
      STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET,
      FIREBASE_EMULATOR_HUB: process.env.FIREBASE_EMULATOR_HUB,
    },
    "payment",
  );
  const { projectId } = publicEnv.firebase;
  const provider = raw.PAYMENT_PROVIDER ?? (isDemoProject(projectId) ? "local" : "stripe");
  const firestoreHost = serverEmulatorTargets().firestore;
  if (provider !== "local") return { enabled: false, reason: `the payment provider is "${provider}"` };
  if (!firestoreHost) return { enabled: false, reason: "Firestore is not emulated" };
  return {
    enabled: true,
    projectId,
    firestoreHost,
    webhookUrl: raw.PAYMENT_WEBHOOK_URL ?? null,
    emulatorHub: raw.FIREBASE_EMULATOR_HUB ?? null,
    webhookSecret: raw.STRIPE_WEBHOOK_SECRET ?? LOCAL_WEBHOOK_SECRET,
  };
}
