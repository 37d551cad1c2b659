import { z } from "zod";

/**
 * The only module that reads process.env.
 *
 * NEXT_PUBLIC_* values are inlined by `next build` (only where referenced literally,
 * hence the object below) and so are frozen at build time, in the browser and on the
 * server alike. Emulator rule: the browser uses NEXT_PUBLIC_*_EMULATOR_HOST; the
 * server prefers the standard runtime variables that `firebase emulators:exec` sets
 * (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, FIREBASE_STORAGE_EMULATOR_HOST),
 * and a service whose runtime variable is set is always emulated, as with the Admin SDK.
 */

const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(blankAsUnset, z.string().trim().min(1).optional());
const hostSchema = z.string().regex(/^[\w.-]+:\d{1,5}$/, "Expected host:port, e.g. 127.0.0.1:8080");
const optionalHost = z.preprocess(blankAsUnset, hostSchema.optional());
const optionalFlag = z.preprocess(
  blankAsUnset,
  z
    .enum(["true", "false", "1", "0"])
    .transform((flag) => flag === "true" || flag === "1")
    .optional(),
);

const DEFAULT_PROJECT_ID = "demo-hearth";

/** demo-* projects exist only in the emulators. */
function isDemoProject(projectId: string | undefined): boolean {
  return (projectId ?? DEFAULT_PROJECT_ID).startsWith("demo-");
}

const publicEnvSchema = z
  .object({
    NEXT_PUBLIC_FIREBASE_PROJECT_ID: optionalText,
    NEXT_PUBLIC_FIREBASE_API_KEY: optionalText,
    NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: optionalText,
    NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET: optionalText,
    NEXT_PUBLIC_FIREBASE_APP_ID: optionalText,
    NEXT_PUBLIC_USE_EMULATORS: optionalFlag,
    NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: optionalHost,
    NEXT_PUBLIC_AUTH_EMULATOR_HOST: optionalHost,
    NEXT_PUBLIC_STORAGE_EMULATOR_HOST: optionalHost,
  })
  .refine(
    (env) =>
      isDemoProject(env.NEXT_PUBLIC_FIREBASE_PROJECT_ID) || env.NEXT_PUBLIC_FIREBASE_API_KEY !== undefined,
    {
      message: "is required unless the project is a demo-* emulator project",
      path: ["NEXT_PUBLIC_FIREBASE_API_KEY"],
    },
  )
  .transform((env) => {
    const projectId = env.NEXT_PUBLIC_FIREBASE_PROJECT_ID ?? DEFAULT_PROJECT_ID;
    return {
      firebase: {
        projectId,
        apiKey: env.NEXT_PUBLIC_FIREBASE_API_KEY ?? "demo-api-key",
        authDomain: env.NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN ?? `${projectId}.firebaseapp.com`,
        storageBucket: env.NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET ?? `${projectId}.appspot.com`,
        ...(env.NEXT_PUBLIC_FIREBASE_APP_ID ? { appId: env.NEXT_PUBLIC_FIREBASE_APP_ID } : {}),
      },
      useEmulators: env.NEXT_PUBLIC_USE_EMULATORS ?? isDemoProject(projectId),
      emulatorHosts: {
        firestore: env.NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080",
        auth: env.NEXT_PUBLIC_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099",
        storage: env.NEXT_PUBLIC_STORAGE_EMULATOR_HOST ?? "127.0.0.1:9199",
      },
    };
  });

export type PublicEnv = z.infer<typeof publicEnvSchema>;
export type FirebaseWebConfig = PublicEnv["firebase"];
export type EmulatorService = keyof PublicEnv["emulatorHosts"];
/** Per service: the emulator's host:port, or null to use production Firebase. */
export type EmulatorTargets = Record<EmulatorService, string | null>;

function parseEnv<T extends z.ZodType>(schema: T, raw: unknown, label: string): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid ${label} environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const publicEnv: PublicEnv = parseEnv(
  publicEnvSchema,
  {
    NEXT_PUBLIC_FIREBASE_PROJECT_ID: process.env.NEXT_PUBLIC_FIREBASE_PROJECT_ID,
    NEXT_PUBLIC_FIREBASE_API_KEY: process.env.NEXT_PUBLIC_FIREBASE_API_KEY,
    NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN: process.env.NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN,
    NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET: process.env.NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET,
    NEXT_PUBLIC_FIREBASE_APP_ID: process.env.NEXT_PUBLIC_FIREBASE_APP_ID,
    NEXT_PUBLIC_USE_EMULATORS: process.env.NEXT_PUBLIC_USE_EMULATORS,
    NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: process.env.NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST,
    NEXT_PUBLIC_AUTH_EMULATOR_HOST: process.env.NEXT_PUBLIC_AUTH_EMULATOR_HOST,
    NEXT_PUBLIC_STORAGE_EMULATOR_HOST: process.env.NEXT_PUBLIC_STORAGE_EMULATOR_HOST,
  },
  "public",
);

/** Where the browser SDK connects: fixed at build time. */
export function browserEmulatorTargets(): EmulatorTargets {
  const { useEmulators, emulatorHosts } = publicEnv;
  return {
    firestore: useEmulators ? emulatorHosts.firestore : null,
    auth: useEmulators ? emulatorHosts.auth : null,
    storage: useEmulators ? emulatorHosts.storage : null,
  };
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
  };
}

/** "127.0.0.1:8080" -> { host: "127.0.0.1", port: 8080 } (hosts are validated above). */
export function splitHost(hostAndPort: string): { host: string; port: number } {
  const separator = hostAndPort.lastIndexOf(":");
  return {
    host: hostAndPort.slice(0, separator),
    port: Number(hostAndPort.slice(separator + 1)),
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
