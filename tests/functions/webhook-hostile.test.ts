import { db } from "./support/saga-app";
import { checkoutSessionCompleted, checkoutSessionExpired } from "@hearth/stripe-events";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { dumpDatabase, restoreDatabase, type Dump } from "./support/db-dump";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { accountedStock, checkDelivery, type CaseKind } from "./support/hostile-invariants";
import { hostileBody, type TargetOrder } from "./support/hostile-webhook-bodies";
import { recordingProvider } from "./support/late-refund";
import { deliver, reservedOrder } from "./support/saga-flow";
import { seedProduct, seedStore, seedUser, STORE_CONFIG } from "./support/seed";
import { callWebhook } from "./support/webhook-calls";
import { paymentFacts } from "./support/webhook";

/** Generated webhook bodies, each signed with the real secret and handled against a fresh fixture. */
const HOSTILE_RUNS = 240;

const PRODUCTS = ["p-awaiting", "p-processing", "p-paid", "p-shipped", "p-expired"];
let fixture: Dump;
let targets: TargetOrder[];
let initialStock: Map<string, number>;

/** One order in each state a payment event can meet, each with its own product. */
beforeAll(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db, { ...STORE_CONFIG, maxOpenOrdersPerAccount: 20 });
  await seedUser(db, "shopper-1", "hostile@example.test");
  const orderIds: string[] = [];
  for (const productId of PRODUCTS) {
    await seedProduct(db, productId, { stock: 10, priceCents: 1_200 });
    orderIds.push(await reservedOrder(db, productId, 2));
  }
  const [, processing, paid, shipped, expired] = orderIds;
  const facts = async (orderId: string | undefined) => paymentFacts(db, orderId ?? "");
  await deliver(db, checkoutSessionCompleted(await facts(processing), { paymentStatus: "unpaid" }));
  for (const orderId of [paid, shipped]) {
    await deliver(db, checkoutSessionCompleted(await facts(orderId), { paymentStatus: "paid" }));
  }
  await applyTransition(db, { orderId: shipped ?? "", event: "shipped", actor: { type: "admin", id: "a1" } });
  await deliver(db, checkoutSessionExpired(await facts(expired)));

  targets = await Promise.all(
    orderIds.map(async (orderId) => {
      const order = await facts(orderId);
      return {
        orderId,
        sessionId: order.sessionId ?? "",
        paymentIntentId: `pi_local_${orderId}`,
        totalCents: order.amountCents,
        currency: order.currency,
      };
    }),
  );
  fixture = await dumpDatabase(db);
  initialStock = accountedStock(fixture, PRODUCTS);
}, 120_000);

describe("hostile webhook bodies with a valid signature (handleWebhook, fast-check)", () => {
  it(`answer 4xx with nothing written, or 2xx with only moves the state machine allows (${HOSTILE_RUNS} cases)`, async () => {
    const kinds: Record<CaseKind, number> = { refused: 0, applied: 0, ignored: 0 };
    await fc.assert(
      fc.asyncProperty(hostileBody(targets), async (body) => {
        await clearFirestore(SAGA_PROJECT);
        await restoreDatabase(db, fixture);
        const provider = recordingProvider();

        const response = await callWebhook(db, provider, body);

        const after = await dumpDatabase(db);
        kinds[checkDelivery(targets, body, response, fixture, after, provider.refunds, initialStock)] += 1;
      }),
      { seed: 9, numRuns: HOSTILE_RUNS },
    );
    // The generator reaches every branch: refusals, recorded no-ops and real moves.
    expect(kinds.refused + kinds.applied + kinds.ignored).toBe(HOSTILE_RUNS);
    expect(kinds.refused).toBeGreaterThan(HOSTILE_RUNS / 10);
    expect(kinds.ignored).toBeGreaterThan(HOSTILE_RUNS / 10);
    expect(kinds.applied).toBeGreaterThan(5);
    console.info("hostile webhook cases", kinds);
  }, 600_000);
});
