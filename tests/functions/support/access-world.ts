// A shop in which every admin callable, let through with ACCESS_CALLS' input, would write
// something; and a snapshot of all that can be written (Firestore, Auth accounts, Storage objects),
// so a refused call can be shown to have written nothing.
import { readFileSync } from "node:fs";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import type { Bucket } from "../../../functions/src/images/image-files";
import { auth, db } from "./e2e-app";
import { awaitingPayment, notified } from "./e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT, getFunctionsOrigin, requireEnv } from "./emulators";
import { placeOrder, seedProduct, seedStore, seedUser } from "./seed";
import { paidCheckout, postWebhook } from "./webhook";

export const SHOPPER = "access-owner";
export const IMAGE_PATH = "products/mug/images/seed-full.webp";
export const REPORT_TO_RUN = "2025-01-30";
export const REPORT_TO_DOWNLOAD = "2025-01-31";

export interface AccessWorld {
  /** awaiting_payment, its session open: for adminCancelOrder. */
  openOrder: string;
  /** awaiting_payment past its expiry: for runScheduledJobNow. */
  expiredOrder: string;
  /** paid: for adminRefundOrder and adminUpdateOrderStatus. */
  paidOrder: string;
}

async function awaitingOrder(quantity: number): Promise<string> {
  const orderId = await placeOrder(db, SHOPPER, [{ productId: "mug", quantity }]);
  await awaitingPayment(orderId);
  return orderId;
}

export async function seedAccessWorld(bucket: Bucket): Promise<AccessWorld> {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await bucket.deleteFiles({ force: true });
  await seedStore(db);
  await db.doc("categories/kitchen").set({ name: "Kitchen", slug: "kitchen", position: 0 });
  const image = {
    path: IMAGE_PATH,
    width: 800,
    height: 600,
    urls: { full: "https://example.com/x.webp" },
    alt: "",
  };
  await seedProduct(db, "mug", { stock: 20, images: [image] });
  await auth.createUser({ uid: SHOPPER, email: `${SHOPPER}@example.test` });
  await seedUser(db, SHOPPER, `${SHOPPER}@example.test`);
  // An admin from before the registry: adminListAdmins registers them on an admin's first call.
  await auth.createUser({ uid: "access-root", email: "access-root@example.test" });
  await auth.setCustomUserClaims("access-root", { admin: true });
  await auth.createUser({ uid: "access-target", email: "access-target@example.test" });
  // No download token yet: adminReportDownloadUrl mints one.
  await bucket
    .file(`reports/${REPORT_TO_DOWNLOAD}.csv`)
    .save("Daily sales report\r\n", { contentType: "text/csv" });

  const [openOrder, expiredOrder, paidOrder] = [
    await awaitingOrder(1),
    await awaitingOrder(1),
    await awaitingOrder(2),
  ];
  await db.doc(`orders/${expiredOrder}`).update({ expiresAt: Timestamp.fromMillis(Date.now() - 60_000) });
  const paid = await postWebhook(await paidCheckout(db, paidOrder));
  if (paid.status !== 200) throw new Error(`Paying ${paidOrder} failed: ${JSON.stringify(paid)}`);
  await notified(SHOPPER, paidOrder, "paid");
  return { openOrder, expiredOrder, paidOrder };
}

async function documentVersions(refs: DocumentReference[]): Promise<[string, string][]> {
  const perDocument = await Promise.all(
    refs.map(async (ref): Promise<[string, string][]> => {
      const [snap, subcollections] = await Promise.all([ref.get(), ref.listCollections()]);
      const nested = await Promise.all(
        subcollections.map(async (sub) => documentVersions(await sub.listDocuments())),
      );
      const own: [string, string][] = snap.updateTime ? [[ref.path, snap.updateTime.valueOf()]] : [];
      return [...own, ...nested.flat()];
    }),
  );
  return perDocument.flat();
}

/** Every document's update time, every account's claims and state, every object's versions. */
export async function snapshot(bucket: Bucket): Promise<Record<string, string>> {
  const [collections, { users }, [files]] = await Promise.all([
    db.listCollections(),
    auth.listUsers(),
    bucket.getFiles(),
  ]);
  const documents = await Promise.all(
    collections.map(async (collection) => documentVersions(await collection.listDocuments())),
  );
  const accounts = users.map(({ uid, customClaims, disabled, tokensValidAfterTime }): [string, string] => [
    `auth:${uid}`,
    JSON.stringify({ customClaims, disabled, tokensValidAfterTime }),
  ]);
  const objects = files.map(({ name, metadata }): [string, string] => [
    `storage:${name}`,
    `${metadata.generation}/${metadata.metageneration}`,
  ]);
  return Object.fromEntries(
    [...documents.flat(), ...accounts, ...objects].sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Waits until the triggers set off by seeding have finished writing (two equal snapshots 1 s apart). */
export async function settled(bucket: Bucket, timeoutMs = 20_000): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let previous = await snapshot(bucket);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const current = await snapshot(bucket);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    if (Date.now() > deadline) throw new Error("The emulators never stopped writing after the seed");
    previous = current;
  }
}

/** Every name functions/src/index.ts exports (`export { a, b as c } from …` and `export const`). */
export function exportedFunctionNames(): string[] {
  const index = readFileSync(new URL("../../../functions/src/index.ts", import.meta.url), "utf8");
  const listed = [...index.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] ?? "").split(",").map(
      (entry) =>
        entry
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? "",
    ),
  );
  const declared = [...index.matchAll(/export\s+const\s+(\w+)/g)].map((match) => match[1] ?? "");
  return [...listed, ...declared].filter((name) => name !== "").sort();
}

export type TriggerKind = "callable" | "https" | "event";

/** What the Functions emulator loaded from functions/lib, by name: callable, plain HTTPS or event. */
export async function loadedTriggers(): Promise<Map<string, TriggerKind>> {
  requireEnv("FIREBASE_EMULATOR_HUB");
  const response = await fetch(`${await getFunctionsOrigin()}/backends`);
  const body: unknown = await response.json();
  const kinds = new Map<string, TriggerKind>();
  const backends = isRecord(body) && Array.isArray(body.backends) ? body.backends : [];
  for (const backend of backends) {
    const triggers =
      isRecord(backend) && Array.isArray(backend.functionTriggers) ? backend.functionTriggers : [];
    for (const trigger of triggers) {
      if (!isRecord(trigger) || typeof trigger.name !== "string") continue;
      const labels = isRecord(trigger.labels) ? trigger.labels : {};
      const kind =
        labels["deployment-callable"] === "true" ? "callable" : "httpsTrigger" in trigger ? "https" : "event";
      kinds.set(trigger.name, kind);
    }
  }
  return kinds;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
