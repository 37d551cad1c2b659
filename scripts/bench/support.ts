import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkoutSessionCompleted, signPayload, type OrderPaymentFacts } from "@hearth/stripe-events";
import type { Firestore, Timestamp, WriteBatch } from "firebase-admin/firestore";

export const PROJECT = "demo-hearth";

export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through \`npm run bench\` (emulators:exec)`);
  return value;
}

export async function clearFirestore(): Promise<void> {
  const url = `http://${env("FIRESTORE_EMULATOR_HOST")}/emulator/v1/projects/${PROJECT}/databases/(default)/documents`;
  const response = await fetch(url, { method: "DELETE" });
  if (!response.ok) throw new Error(`Clearing Firestore failed: ${response.status}`);
}

export async function webhookUrl(): Promise<string> {
  const response = await fetch(`http://${env("FIREBASE_EMULATOR_HUB")}/emulators`);
  const listing: unknown = await response.json();
  const functions =
    typeof listing === "object" && listing !== null && "functions" in listing ? listing.functions : null;
  if (
    typeof functions !== "object" ||
    functions === null ||
    !("host" in functions) ||
    !("port" in functions) ||
    typeof functions.host !== "string" ||
    typeof functions.port !== "number"
  ) {
    throw new Error("The Functions emulator is not running");
  }
  return `http://${functions.host}:${functions.port}/${PROJECT}/us-central1/paymentWebhook`;
}

/** The emulator's fixed webhook secret (functions/.secret.local). */
export function webhookSecret(): string {
  const file = fileURLToPath(new URL("../../functions/.secret.local", import.meta.url));
  const line = readFileSync(file, "utf8")
    .split("\n")
    .find((candidate) => candidate.startsWith("STRIPE_WEBHOOK_SECRET="));
  if (!line) throw new Error("functions/.secret.local has no STRIPE_WEBHOOK_SECRET");
  return line.slice("STRIPE_WEBHOOK_SECRET=".length).trim();
}

/** A paid checkout.session.completed event as Stripe would send it, signed the same way. */
export function signedCompletion(
  order: OrderPaymentFacts,
  secret: string,
): { body: string; signature: string } {
  const event = checkoutSessionCompleted(order, { paymentStatus: "paid", id: `evt_bench_${order.orderId}` });
  const body = JSON.stringify(event);
  return { body, signature: signPayload(body, secret) };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function until(label: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
}

/** The store every bench seeds its products into. */
export function seedBenchStore(batch: WriteBatch, db: Firestore): void {
  batch.set(db.doc("config/store"), {
    storeName: "Bench",
    currency: "USD",
    shipping: { flatCents: 500, freeOverCents: null },
    lowStockThreshold: 0,
  });
}

/** An active bench product priced $10.00 with `stock` units. */
export function benchProduct(name: string, slug: string, stock: number, now: Timestamp) {
  return {
    name,
    slug,
    description: "",
    priceCents: 1_000,
    currency: "USD",
    categoryId: "bench",
    tags: [],
    status: "active",
    stock,
    images: [],
    searchTokens: [],
    createdAt: now,
    updatedAt: now,
  };
}
