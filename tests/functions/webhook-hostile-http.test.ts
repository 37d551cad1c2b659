import { canTransition, orderStatusSchema } from "@hearth/domain";
import { checkoutSessionCompleted, checkoutSessionExpired } from "@hearth/stripe-events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changedPaths, dumpDatabase, type Dump } from "./support/db-dump";
import { db } from "./support/e2e-app";
import { awaitingPayment, notified } from "./support/e2e-flow";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";
import { accountedStock } from "./support/hostile-invariants";
import { hostileBody, type TargetOrder } from "./support/hostile-webhook-bodies";
import { placeOrder, seedProduct, seedStore, seedUser, STORE_CONFIG } from "./support/seed";
import { paymentFacts } from "./support/webhook";
import { postSigned } from "./support/webhook-calls";

const UID = "shopper-hostile";
const HTTP_CASES = 16;
const PRODUCTS = ["h-awaiting", "h-paid", "h-expired"];

/** Only what the webhook itself writes; onOrderUpdated's notifications may still be arriving. */
function webhookWrites(dump: Dump): Dump {
  return new Map([...dump].filter(([path]) => /^(orders|products|webhookEvents)\//.test(path)));
}

async function targetsOnTheEmulator(): Promise<TargetOrder[]> {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 20 });
  await seedUser(db, UID, "hostile-http@example.test");
  const targets: TargetOrder[] = [];
  for (const productId of PRODUCTS) {
    await seedProduct(db, productId, { stock: 10, priceCents: 1_500 });
    const orderId = await placeOrder(db, UID, [{ productId, quantity: 2 }]);
    await awaitingPayment(orderId);
    const facts = await paymentFacts(db, orderId);
    targets.push({
      orderId,
      sessionId: facts.sessionId ?? "",
      paymentIntentId: `pi_local_${orderId}`,
      totalCents: facts.amountCents,
      currency: facts.currency,
    });
  }
  const [, paid, expired] = targets;
  if (!paid || !expired) throw new Error("fixture orders missing");
  await postSigned(
    JSON.stringify(checkoutSessionCompleted(await paymentFacts(db, paid.orderId), { paymentStatus: "paid" })),
  );
  await postSigned(JSON.stringify(checkoutSessionExpired(await paymentFacts(db, expired.orderId))));
  await notified(UID, paid.orderId, "paid");
  await notified(UID, expired.orderId, "expired");
  return targets;
}

describe("hostile webhook bodies over HTTP (Functions emulator, real triggers)", () => {
  it(`never answer 5xx, and refusals write nothing (${HTTP_CASES} generated cases)`, async () => {
    const targets = await targetsOnTheEmulator();
    const initialStock = accountedStock(await dumpDatabase(db), PRODUCTS);

    for (const body of fc.sample(hostileBody(targets), { seed: 9, numRuns: HTTP_CASES })) {
      const before = await dumpDatabase(db);
      const response = await postSigned(body);
      const after = await dumpDatabase(db);

      expect([200, 400], body.slice(0, 300)).toContain(response.status);
      if (response.status === 400)
        expect(changedPaths(webhookWrites(before), webhookWrites(after))).toEqual([]);
      for (const { orderId } of targets) {
        const was = orderStatusSchema.parse(before.get(`orders/${orderId}`)?.status);
        const is = orderStatusSchema.parse(after.get(`orders/${orderId}`)?.status);
        expect(was === is || canTransition(was, is), `${was} → ${is}`).toBe(true);
      }
      expect(accountedStock(after, PRODUCTS)).toEqual(initialStock);
    }
  }, 300_000);
});
