// The shared world and the callers of the access matrices (access-matrix.test.ts and
// access-storage.test.ts): alice owns everything a shopper can own, bob is another shopper.
import { expect } from "vitest";
import { assertFails, assertSucceeds, type RulesTestContext } from "@firebase/rules-unit-testing";
import { doc, writeBatch, type Firestore } from "firebase/firestore";
import { newUser, past, pricedOrder, storeConfig, storedProduct } from "./fixtures";
import { emailOf, type RulesHarness } from "./setup";

/** Everyone who may knock. `forged` and `exAdmin` carry an admin claim that is not exactly true. */
export const CALLERS = ["alice", "bob", "forged", "exAdmin", "signedOut", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

export function contextOf(h: RulesHarness, caller: Caller): RulesTestContext {
  switch (caller) {
    case "alice":
    case "bob":
      return h.shopper(caller);
    case "forged":
      return h.shopper("mallory", { email: emailOf("mallory"), admin: "true" });
    case "exAdmin":
      return h.shopper("eve", { email: emailOf("eve"), admin: false });
    case "signedOut":
      return h.signedOut();
    case "admin":
      return h.admin("root");
  }
}

/** One line of a matrix: an attempt, and the only callers it may succeed for. */
export interface Attempt<Target> {
  title: string;
  allowed: readonly Caller[];
  act: (target: Target) => Promise<unknown>;
}

export function attempt<Target>(
  what: string,
  allowed: readonly Caller[],
  act: (target: Target) => Promise<unknown>,
): Attempt<Target> {
  return { title: `${what} → ${allowed.length === 0 ? "nobody" : allowed.join(", ")}`, allowed, act };
}

/**
 * Runs the attempt as every caller: the refused ones first, so that an allowed write (which may
 * change the world) comes last. At least one refusal per line, or the line proves nothing.
 */
export async function expectOnly<Target>(
  h: RulesHarness,
  line: Attempt<Target>,
  targetOf: (context: RulesTestContext) => Target,
): Promise<void> {
  const refused = CALLERS.filter((caller) => !line.allowed.includes(caller));
  expect(refused.length).toBeGreaterThan(0);
  for (const caller of refused) {
    await assertFails(line.act(targetOf(contextOf(h, caller)))).catch((error: unknown) => {
      throw new Error(`${caller} was let through: ${String(error)}`);
    });
  }
  for (const caller of line.allowed) {
    await assertSucceeds(line.act(targetOf(contextOf(h, caller)))).catch((error: unknown) => {
      throw new Error(`${caller} was refused (the control): ${String(error)}`);
    });
  }
}

export const ORDER_OF_ALICE = "orders/o-alice";

/** A pending order the functions have priced: the status in which the owner may do the most. */
export const aliceOrder = () => pricedOrder("alice", "pending", { expiresAt: past, paidAt: null });

export async function seedFirestoreWorld(firestore: Firestore): Promise<void> {
  const docs: [string, Record<string, unknown>][] = [
    ["config/store", storeConfig()],
    ["config/secrets", { stripeKey: "sk_test_x" }],
    ["products/mug", storedProduct()],
    [
      "products/mug/imageErrors/i1",
      { fileName: "x.svg", code: "unsupported_type", message: "SVG", at: past },
    ],
    ["users/alice", newUser(emailOf("alice"), { createdAt: past })],
    ["users/bob", newUser(emailOf("bob"), { displayName: "Bob", createdAt: past })],
    ["users/alice/cart/mug", { quantity: 1, addedAt: past }],
    [
      "users/alice/notifications/n1",
      { title: "Paid", body: "", orderId: "o-alice", read: false, createdAt: past },
    ],
    [ORDER_OF_ALICE, aliceOrder()],
    ["orders/o-alice/events/priced", { from: "pending", to: "pending", event: "priced", at: past }],
    ["orders/o-bob", pricedOrder("bob", "paid")],
    ["webhookEvents/evt_1", { type: "checkout.session.completed", orderId: "o-alice", receivedAt: past }],
    ["triggerFailures/t1", { trigger: "onOrderCreated", orderId: "o-alice", recordedAt: past }],
    ["mail/o-alice_paid", { to: emailOf("alice"), message: { subject: "Receipt" }, createdAt: past }],
    ["admins/root", { email: emailOf("root"), grantedAt: past, grantedBy: null, source: "make-admin" }],
    ["refunds/o-bob_500", { orderId: "o-bob", amountCents: 500, refundedCents: 500, at: past }],
    ["reports/2026-01-31", { date: "2026-01-31", orderCount: 3, generatedAt: past }],
    ["productSlugs/blue-mug", { productId: "mug" }],
  ];
  const batch = writeBatch(firestore);
  for (const [path, data] of docs) batch.set(doc(firestore, path), data);
  await batch.commit();
}
