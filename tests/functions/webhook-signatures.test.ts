import { db } from "./support/saga-app";
import { stripeEvent, type StripeEvent } from "@hearth/stripe-events";
import { beforeEach, describe, expect, it } from "vitest";
import { db as e2eDb } from "./support/e2e-app";
import { awaitingPayment, notified } from "./support/e2e-flow";
import { clearFirestore, E2E_PROJECT, SAGA_PROJECT } from "./support/emulators";
import { dumpDatabase } from "./support/db-dump";
import { recordingProvider } from "./support/late-refund";
import { reservedOrder } from "./support/saga-flow";
import { orderData, placeOrder, seedProduct, seedStore, seedUser } from "./support/seed";
import { callWebhook, postSigned, type Signing } from "./support/webhook-calls";
import { paidCheckout } from "./support/webhook";

const FORGERIES: { name: string; signing: Signing }[] = [
  { name: "signed with another secret", signing: { kind: "wrong_secret" } },
  { name: "a body changed after signing", signing: { kind: "altered_body" } },
  { name: "a timestamp changed after signing", signing: { kind: "altered_timestamp" } },
  { name: "a signature 6 minutes old (tolerance 5)", signing: { kind: "stale", ageSeconds: 360 } },
  { name: "a signature a day old", signing: { kind: "stale", ageSeconds: 86_400 } },
];

/** Types Stripe sends that the webhook has no use for; one names a real order in its metadata. */
function unhandledEvents(orderId: string): StripeEvent[] {
  return [
    stripeEvent("customer.created", { id: "cus_1", object: "customer" }),
    stripeEvent("payment_intent.succeeded", {
      id: `pi_local_${orderId}`,
      object: "payment_intent",
      metadata: { orderId },
    }),
    stripeEvent("checkout.session.async_payment_pending", { id: "cs_1", object: "checkout.session" }),
    stripeEvent("charge.dispute.created", { id: "dp_1", object: "dispute", amount: 1 }),
  ];
}

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

describe("forged and stale signatures (handleWebhook)", () => {
  it.each(FORGERIES)("$name: 400 and nothing written", async ({ signing }) => {
    const orderId = await reservedOrder(db, "mug", 1);
    const payload = JSON.stringify(await paidCheckout(db, orderId));
    const before = await dumpDatabase(db);

    const response = await callWebhook(db, recordingProvider(), payload, signing);

    expect(response).toEqual({ status: 400, body: { error: "Invalid signature" } });
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it("accepts the same event signed 4 minutes ago, inside the tolerance", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const payload = JSON.stringify(await paidCheckout(db, orderId));
    const signing: Signing = { kind: "valid", timestamp: Math.floor(Date.now() / 1000) - 240 };

    const response = await callWebhook(db, recordingProvider(), payload, signing);

    expect(response).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect((await orderData(db, orderId)).status).toBe("paid");
  });

  it("answers 2xx to types it does not handle and writes nothing", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const before = await dumpDatabase(db);

    for (const event of unhandledEvents(orderId)) {
      const response = await callWebhook(db, recordingProvider(), JSON.stringify(event));
      expect(response).toEqual({
        status: 200,
        body: {
          received: true,
          duplicate: false,
          outcome: "ignored",
          orderId: null,
          reason: `Unhandled event type ${event.type}`,
        },
      });
    }
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe("forged signatures and unhandled types over HTTP", () => {
  it("answers 400 to forgeries and 2xx to unhandled types, writing nothing", async () => {
    await clearFirestore(E2E_PROJECT);
    await seedStore(e2eDb);
    await seedProduct(e2eDb, "mug", { stock: 10 });
    await seedUser(e2eDb, "shopper-sig", "sig@example.test");
    const orderId = await placeOrder(e2eDb, "shopper-sig", [{ productId: "mug", quantity: 1 }]);
    await awaitingPayment(orderId);
    await notified("shopper-sig", orderId, "awaiting_payment");
    const payload = JSON.stringify(await paidCheckout(e2eDb, orderId));
    const before = await dumpDatabase(e2eDb);

    for (const { name, signing } of FORGERIES) {
      const response = await postSigned(payload, signing);
      expect(response, name).toEqual({ status: 400, body: { error: "Invalid signature" } });
    }
    for (const event of unhandledEvents(orderId)) {
      const response = await postSigned(JSON.stringify(event));
      expect(response).toMatchObject({ status: 200, body: { outcome: "ignored", duplicate: false } });
    }

    expect(await dumpDatabase(e2eDb)).toEqual(before);
  });
});
