// Webhook bodies a holder of the signing secret could send: real events with hostile fields,
// wrong shapes, garbage JSON and text that is not JSON. All are signed validly by the tests.
import fc from "fast-check";

/** What the generated bodies may aim at: orders that exist, with their real session and intent. */
export interface TargetOrder {
  orderId: string;
  sessionId: string;
  paymentIntentId: string;
  totalCents: number;
  currency: string;
}

const HANDLED_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "payment_intent.payment_failed",
  "charge.refunded",
] as const;

/** Ids Firestore refuses (the reserved __…__ form passes Stripe's alphabet), and shapes no id has. */
const hostileId: fc.Arbitrary<unknown> = fc.oneof(
  fc.stringMatching(/^__[A-Za-z0-9_-]{0,8}__$/),
  fc.constantFrom("", ".", "..", "a/b", "evt/../x", "x".repeat(1501), "é".repeat(800), "o_\ud800"),
  fc.string({ minLength: 0, maxLength: 40 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  fc.constantFrom(null, 5, true, [], {}),
);

const bigString = fc.constantFrom("x".repeat(5_000), "🍵".repeat(2_000), "\u0000".repeat(100));

/**
 * The right value most often, else something hostile: every field is attacked on its own, and
 * enough events come out whole to reach the moves an event can make.
 */
function mostly<T>(right: T, ...hostile: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(...hostile);
  return fc.oneof({ weight: 6, arbitrary: fc.constant(right) }, { weight: 1, arbitrary: wrong });
}

const number: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, 0.5, -0, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.constantFrom("1000", null, true),
);

const amountFor = (order: TargetOrder) =>
  mostly(
    order.totalCents,
    number,
    fc.integer({ min: -3, max: 3 }).map((delta) => order.totalCents + delta),
  );

const currencyFor = (order: TargetOrder) =>
  mostly(
    order.currency.toLowerCase(),
    fc.constantFrom("USD", "eur", "jpy", "", "us", "💰", null, 5),
    bigString,
  );

const orderIdFor = (order: TargetOrder, others: string[]) =>
  mostly(order.orderId, hostileId, fc.constantFrom(...others), fc.constant(null));

const metadataFor = (order: TargetOrder, others: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: orderIdFor(order, others).map((orderId) => ({ orderId })) },
    { weight: 1, arbitrary: fc.constantFrom({}, null, "orderId", { orderId: 7 }, { other: "x" }) },
  );

const intentIdFor = (order: TargetOrder) =>
  mostly(
    order.paymentIntentId,
    fc.constant({ id: order.paymentIntentId }),
    fc.constantFrom("pi_other", null, "pi/../x", { id: 5 }),
    hostileId,
  );

function sessionObject(order: TargetOrder, others: string[]) {
  return fc.record({
    id: mostly(order.sessionId, fc.constant("cs_other"), hostileId),
    object: mostly("checkout.session", fc.constantFrom("charge", "payment_intent", null)),
    client_reference_id: orderIdFor(order, others),
    metadata: metadataFor(order, others),
    payment_intent: intentIdFor(order),
    payment_status: mostly(
      "paid",
      fc.constantFrom("unpaid", "no_payment_required", "weird", null),
      bigString,
    ),
    amount_total: amountFor(order),
    currency: currencyFor(order),
  });
}

function paymentIntentObject(order: TargetOrder, others: string[]) {
  return fc.record({
    id: intentIdFor(order),
    object: mostly("payment_intent", fc.constant("charge")),
    metadata: metadataFor(order, others),
    last_payment_error: fc.oneof(
      fc.constant({ message: "Your card was declined." }),
      fc.constantFrom(null, {}, { message: 5 }),
      bigString.map((message) => ({ message })),
    ),
  });
}

function chargeObject(order: TargetOrder, others: string[]) {
  const amount = amountFor(order);
  return fc.record({
    id: mostly(`ch_${order.orderId}`, hostileId),
    object: mostly("charge", fc.constant("refund")),
    metadata: metadataFor(order, others),
    payment_intent: intentIdFor(order),
    amount,
    amount_refunded: fc.oneof(amount, fc.integer({ min: 0, max: order.totalCents }), number),
    currency: currencyFor(order),
    refunded: mostly(true, fc.constantFrom(false, "yes", null)),
  });
}

function objectFor(type: string, order: TargetOrder, others: string[]): fc.Arbitrary<unknown> {
  if (type.startsWith("checkout.session.")) return sessionObject(order, others);
  if (type === "payment_intent.payment_failed") return paymentIntentObject(order, others);
  if (type === "charge.refunded") return chargeObject(order, others);
  return fc.oneof(sessionObject(order, others), chargeObject(order, others), fc.jsonValue());
}

const eventType: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HANDLED_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom("customer.created", "payment_intent.succeeded", "x".repeat(300)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A Stripe-shaped event about one of `orders`, with hostile fields here and there. */
export function hostileEvent(orders: readonly TargetOrder[]): fc.Arbitrary<unknown> {
  const ids = orders.map((order) => order.orderId);
  return fc
    .record({
      order: fc.constantFrom(...orders),
      type: eventType,
      eventId: fc.uuid().map((u) => `evt_${u.replaceAll("-", "")}`),
    })
    .chain(({ order, type, eventId }) =>
      fc.record({
        id: mostly(eventId, hostileId),
        object: fc.constant("event"),
        type: mostly(type, fc.constantFrom(null, 7, "")),
        data: fc.oneof(
          { weight: 8, arbitrary: objectFor(type, order, ids).map((object) => ({ object })) },
          { weight: 1, arbitrary: fc.constantFrom(null, [], {}, { object: null }, "data") },
        ),
      }),
    );
}

/** The event as Stripe sends it for the order: every field right. */
function rightEvent(order: TargetOrder, type: string, id: string): Record<string, unknown> {
  const currency = order.currency.toLowerCase();
  const metadata = { orderId: order.orderId };
  const intent = order.paymentIntentId;
  const object =
    type === "payment_intent.payment_failed"
      ? { id: intent, object: "payment_intent", metadata, last_payment_error: { message: "Declined." } }
      : type === "charge.refunded"
        ? {
            id: `ch_${order.orderId}`,
            object: "charge",
            metadata,
            payment_intent: intent,
            currency,
            refunded: true,
          }
        : { id: order.sessionId, object: "checkout.session", client_reference_id: order.orderId, metadata };
  const money =
    type === "charge.refunded"
      ? { amount: order.totalCents, amount_refunded: order.totalCents }
      : { amount_total: order.totalCents, currency, payment_intent: intent, payment_status: "paid" };
  return { id, object: "event", type, data: { object: { ...money, ...object } } };
}

const on = (...path: string[]) => ["data", "object", ...path];

/** Where the one defect goes, and what is put there. */
const DEFECTS: [path: string[], value: fc.Arbitrary<unknown>][] = [
  [["id"], hostileId],
  [["type"], fc.constantFrom(null, 7, "", "x".repeat(300))],
  [["data"], fc.constantFrom(null, [], {}, "data")],
  [on("object"), fc.constantFrom("charge", "checkout.session", null)],
  [on("id"), hostileId],
  [on("client_reference_id"), hostileId],
  [on("metadata", "orderId"), hostileId],
  [on("metadata"), fc.constantFrom(null, "orderId", { orderId: 7 })],
  [on("payment_intent"), fc.oneof(hostileId, fc.constantFrom("pi_other", { id: "pi/x" }))],
  [on("amount_total"), number],
  [on("amount"), number],
  [on("amount_refunded"), number],
  [on("currency"), fc.oneof(fc.constantFrom("eur", "US", "", null, 5), bigString)],
  [on("payment_status"), fc.oneof(fc.constantFrom("unpaid", "no_payment_required", "", null), bigString)],
];

function withDefect(event: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(event);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== "object" || next === null) return copy;
    at = next as Record<string, unknown>;
  }
  at[path[path.length - 1] ?? ""] = value;
  return copy;
}

/** A handled event about one of `orders`, right in every field but one. */
export function oneDefectEvent(orders: readonly TargetOrder[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      order: fc.constantFrom(...orders),
      type: fc.constantFrom(...HANDLED_TYPES),
      eventId: fc.uuid().map((u) => `evt_${u.replaceAll("-", "")}`),
      defect: fc.oneof(...DEFECTS.map(([path, value]) => value.map((to) => ({ path, to })))),
    })
    .map(({ order, type, eventId, defect }) =>
      withDefect(rightEvent(order, type, eventId), defect.path, defect.to),
    );
}

/** A refund Stripe never reports: more than was paid, in another currency, or for an unpaid order. */
export function impossibleRefund(orders: readonly TargetOrder[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      order: fc.constantFrom(...orders),
      eventId: fc.uuid().map((u) => `evt_${u.replaceAll("-", "")}`),
      extra: fc.integer({ min: 1, max: 1_000_000 }),
      flaw: fc.constantFrom("over_total", "currency", "no_intent"),
    })
    .map(({ order, eventId, extra, flaw }) => {
      const event = rightEvent(order, "charge.refunded", eventId);
      const over = order.totalCents + extra;
      const patch =
        flaw === "over_total"
          ? { amount: over, amount_refunded: over }
          : flaw === "currency"
            ? { currency: "eur" }
            : { payment_intent: null };
      const data = event.data as { object: Record<string, unknown> };
      return { ...event, data: { object: { ...data.object, ...patch } } };
    });
}

/** Raw request bodies: mostly events, some JSON that is no event, some text that is not JSON. */
export function hostileBody(orders: readonly TargetOrder[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: hostileEvent(orders).map((event) => JSON.stringify(event)) },
    { weight: 6, arbitrary: oneDefectEvent(orders).map((event) => JSON.stringify(event)) },
    { weight: 1, arbitrary: impossibleRefund(orders).map((event) => JSON.stringify(event)) },
    { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("[".repeat(5_000), '{"id":1e999}', '{"id":"evt_1","type":"charge.refunded"'),
    },
  );
}
