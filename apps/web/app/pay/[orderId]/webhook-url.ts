import "server-only";
import { z } from "zod";
import type { PaymentTestEnv } from "@/lib/env";

type Enabled = Extract<PaymentTestEnv, { enabled: true }>;

const DEFAULT_FUNCTIONS_ORIGIN = "http://127.0.0.1:5001";
const REGION = "us-central1";

/** The part of the hub's GET /emulators listing that locates the Functions emulator. */
const hubListingSchema = z.object({
  functions: z.object({ host: z.string().min(1), port: z.int().positive() }),
});

async function functionsOriginFromHub(hub: string): Promise<string | null> {
  try {
    const response = await fetch(`http://${hub}/emulators`, {
      cache: "no-store",
      signal: AbortSignal.timeout(2_000),
    });
    const listing = hubListingSchema.safeParse(response.ok ? await response.json() : null);
    if (!listing.success) return null;
    const { host, port } = listing.data.functions;
    return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  } catch (error) {
    console.warn(`Emulator hub ${hub} did not answer`, error);
    return null;
  }
}

/**
 * paymentWebhook's URL, resolved per request so it follows the running emulators: an explicit
 * PAYMENT_WEBHOOK_URL, else the Functions emulator the hub lists, else the firebase.json default.
 */
export async function resolveWebhookUrl(env: Enabled): Promise<string> {
  if (env.webhookUrl) return env.webhookUrl;
  const origin = env.emulatorHub ? await functionsOriginFromHub(env.emulatorHub) : null;
  return `${origin ?? DEFAULT_FUNCTIONS_ORIGIN}/${encodeURIComponent(env.projectId)}/${REGION}/paymentWebhook`;
}
