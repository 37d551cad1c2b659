import { db } from "./support/saga-app";
import {
  chargeRefunded,
  checkoutSessionCompleted,
  paymentIntentFailed,
  type OrderPaymentFacts,
  type StripeEvent,
} from "@hearth/stripe-events";
import { beforeEach, describe, expect, it } from "vitest";
import { handleOrderCreated } from "../../functions/src/orders/on-order-created";
import { db as e2eDb } from "./support/e2e-app";
import { awaitingPayment, notified } from "./support/e2e-flow";
import { clearFirestore, E2E_PROJECT, SAGA_PROJECT } from "./support/emulators";
import { dumpDatabase } from "./support/db-dump";
import { recordingProvider } from "./support/late-refund";
import { localProvider, reservedOrder } from "./support/saga-flow";
import { orderData, placeOrder, seedProduct, seedStore, seedUser } from "./support/seed";
import { callWebhook, postSigned } from "./support/webhook-calls";
import { paidCheckout, paymentFacts } from "./support/webhook";

/** Ids Firestore refuses in a document path, each with the words the 400 has to say. */
const UNUSABLE: { id: string; says: RegExp }[] = [
  { id: "evt/../x", says: /contains "\/"/ },
  { id: "..", says: /is "\." or "\.\."/ },
  { id: ".", says: /is "\." or "\.\."/ },
  { id: "__x__", says: /reserved form __…__/ },
  { id: "x".repeat(1501), says: /1501 bytes long/ },
  { id: "é".repeat(751), says: /1502 bytes long/ },
  { id: "evt_\ud800", says: /not valid UTF-8/ },
];
const EMPTY = { id: "", says: /is empty/ };

type Mutate = (event: StripeEvent, id: string) => void;
const paidCheckoutFor = (facts: OrderPaymentFacts): StripeEvent =>
  checkoutSessionCompleted(facts, { paymentStatus: "paid" });
function objectOf(event: StripeEvent): Record<string, unknown> {
  return event.data.object as Record<string, unknown>;
}
const ORDER_ID_FIELDS: { name: string; build: (facts: OrderPaymentFacts) => StripeEvent; set: Mutate }[] = [
  {
    name: "checkout client_reference_id",
    build: paidCheckoutFor,
    set: (event, id) => Object.assign(objectOf(event), { client_reference_id: id }),
  },
  {
    name: "checkout metadata.orderId",
    build: paidCheckoutFor,
    set: (event, id) => Object.assign(objectOf(event), { metadata: { orderId: id } }),
  },
  {
    name: "payment intent metadata.orderId",
    build: (facts) => paymentIntentFailed(facts),
    set: (event, id) => Object.assign(objectOf(event), { metadata: { orderId: id } }),
  },
  {
    name: "charge metadata.orderId",
    build: (facts) => chargeRefunded(facts, { amountRefundedCents: facts.amountCents }),
    set: (event, id) => Object.assign(objectOf(event), { metadata: { orderId: id } }),
  },
];

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

/** Delivers `event` as sent and expects a 400 that names the problem, with the database untouched. */
async function expectRefused(event: StripeEvent, says: RegExp) {
  const before = await dumpDatabase(db);
  const provider = recordingProvider();
  const response = await callWebhook(db, provider, JSON.stringify(event));
  expect(response.status).toBe(400);
  expect(String(response.body.error)).toMatch(says);
  expect(await dumpDatabase(db)).toEqual(before);
  expect(provider.refunds).toEqual([]);
  return String(response.body.error);
}

describe("webhook ids that cannot name a document are refused first (handleWebhook)", () => {
  it.each([...UNUSABLE, EMPTY])("event id %#: 400, nothing written", async ({ id, says }) => {
    const orderId = await reservedOrder(db, "mug", 1);
    const event = { ...(await paidCheckout(db, orderId)), id };
    const error = await expectRefused(event, says);
    expect(error).toMatch(/^Malformed event: id: /);
  });

  it.each(ORDER_ID_FIELDS)("$name: every unusable or over-long order id gets a 400", async (field) => {
    const orderId = await reservedOrder(db, "mug", 1);
    const facts = await paymentFacts(db, orderId);
    const ids = [
      ...UNUSABLE.filter(({ id }) => id.length <= 128 && !id.startsWith("evt_")),
      { id: "o_\ud800", says: /not valid UTF-8/ },
      { id: "o".repeat(129), says: /at most 128 characters/ },
      { id: "é".repeat(751), says: /at most 128 characters/ },
    ];
    for (const { id, says } of ids) {
      const event = field.build(facts);
      field.set(event, id);
      const error = await expectRefused(event, says);
      expect(error).toMatch(/carries an invalid order id: (client_reference_id|metadata\.orderId) /);
    }
  });

  it("refuses provider object ids that are not Stripe ids", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    const facts = await paymentFacts(db, orderId);
    const intent = paidCheckoutFor(facts);
    Object.assign(objectOf(intent), { payment_intent: "pi/../x" });
    await expectRefused(intent, /payment_intent/);
    const session = paidCheckoutFor(facts);
    Object.assign(objectOf(session), { id: "cs_\u0000" });
    await expectRefused(session, /id: must be 1 to 255 characters/);
  });

  it("refuses a declined-card notice id that together would be reserved (__o…_declined_…evt__)", async () => {
    const event = paymentIntentFailed({ orderId: "__o", amountCents: 100, currency: "USD" }, { id: "evt__" });
    await expectRefused(event, /cannot name a notification/);
  });

  it("accepts any id Firestore accepts: a Unicode order id of 128 characters is paid", async () => {
    const orderId = `Ünïcödé.order-${"x".repeat(114)}`;
    expect(orderId).toHaveLength(128);
    await placeOrder(db, "shopper-1", [{ productId: "mug", quantity: 2 }], orderId);
    await handleOrderCreated(db, orderId, localProvider);
    const response = await callWebhook(
      db,
      recordingProvider(),
      JSON.stringify(await paidCheckout(db, orderId)),
    );
    expect(response).toMatchObject({ status: 200, body: { outcome: "applied", orderId } });
    expect((await orderData(db, orderId)).status).toBe("paid");
  });

  it("answers 400 to a signed body that is not JSON, without blaming the signature", async () => {
    const before = await dumpDatabase(db);
    const response = await callWebhook(db, recordingProvider(), "{not json");
    expect(response).toEqual({ status: 400, body: { error: "The body is not a JSON event" } });
    expect(await dumpDatabase(db)).toEqual(before);
  });
});

describe("webhook ids over HTTP (Functions emulator)", () => {
  it("answers 400 with the reason and writes nothing", async () => {
    await clearFirestore(E2E_PROJECT);
    await seedStore(e2eDb);
    await seedProduct(e2eDb, "mug", { stock: 10 });
    await seedUser(e2eDb, "shopper-ids", "ids@example.test");
    const orderId = await placeOrder(e2eDb, "shopper-ids", [{ productId: "mug", quantity: 1 }]);
    await awaitingPayment(orderId);
    await notified("shopper-ids", orderId, "awaiting_payment");
    const before = await dumpDatabase(e2eDb);
    const paid = await paidCheckout(e2eDb, orderId);
    const cases: { event: StripeEvent; says: RegExp }[] = [
      { event: { ...paid, id: "__x__" }, says: /^Malformed event: id: .*reserved form/ },
      { event: { ...paid, id: "evt/../x" }, says: /^Malformed event: id: .*contains "\/"/ },
      {
        event: { ...paid, data: { object: { ...paid.data.object, client_reference_id: ".." } } },
        says: /invalid order id: client_reference_id cannot name a Firestore document/,
      },
      {
        event: { ...paid, data: { object: { ...paid.data.object, metadata: { orderId: "o".repeat(129) } } } },
        says: /invalid order id: metadata\.orderId must be at most 128 characters/,
      },
    ];
    for (const { event, says } of cases) {
      const response = await postSigned(JSON.stringify(event));
      expect(response.status).toBe(400);
      expect(String(response.body.error)).toMatch(says);
    }
    expect(await dumpDatabase(e2eDb)).toEqual(before);
    expect((await orderData(e2eDb, orderId)).status).toBe("awaiting_payment");
  });
});
