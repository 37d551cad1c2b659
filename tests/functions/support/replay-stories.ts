import {
  chargeRefunded,
  checkoutSessionAsyncPaymentFailed,
  checkoutSessionAsyncPaymentSucceeded,
  checkoutSessionCompleted,
  checkoutSessionExpired,
  paymentIntentFailed,
  stripeEvent,
  type OrderPaymentFacts,
} from "@hearth/stripe-events";
import type { Firestore } from "firebase-admin/firestore";
import type { WebhookResponse } from "../../../functions/src/payments/webhook";
import { expectedAfter, firstArrivals, type Expected, type StoryEvent } from "./replay-model";
import { seededShuffle } from "./seeded-shuffle";
import { orderData, seedProduct } from "./seed";
import { paymentFacts } from "./webhook";

/** Per order, the distinct events Stripe may send about it, in any order: every handled type. */
export const STORIES: Record<string, (facts: OrderPaymentFacts) => StoryEvent[]> = {
  declines_then_pays: (facts) => [
    { kind: "declined", event: paymentIntentFailed(facts) },
    { kind: "declined", event: paymentIntentFailed(facts, { message: "Insufficient funds." }) },
    { kind: "paid", event: checkoutSessionCompleted(facts, { paymentStatus: "paid" }) },
  ],
  delayed_succeeds: (facts) => [
    { kind: "unpaid", event: checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }) },
    { kind: "async_succeeded", event: checkoutSessionAsyncPaymentSucceeded(facts) },
  ],
  delayed_fails: (facts) => [
    { kind: "unpaid", event: checkoutSessionCompleted(facts, { paymentStatus: "unpaid" }) },
    { kind: "async_failed", event: checkoutSessionAsyncPaymentFailed(facts) },
  ],
  expiry_races_payment: (facts) => [
    { kind: "expired", event: checkoutSessionExpired(facts) },
    { kind: "paid", event: checkoutSessionCompleted(facts, { paymentStatus: "paid" }) },
  ],
  refunded_in_two_steps: (facts) => [
    { kind: "paid", event: checkoutSessionCompleted(facts, { paymentStatus: "paid" }) },
    { kind: "refund", event: chargeRefunded(facts, { amountRefundedCents: 700 }), refundedCents: 700 },
    {
      kind: "refund",
      event: chargeRefunded(facts, { amountRefundedCents: facts.amountCents }),
      refundedCents: facts.amountCents,
    },
  ],
  unhandled_types: (facts) => [
    { kind: "unhandled", event: stripeEvent("customer.created", { id: "cus_1", object: "customer" }) },
    {
      kind: "unhandled",
      event: stripeEvent("charge.succeeded", {
        id: `ch_${facts.orderId}`,
        object: "charge",
        metadata: { orderId: facts.orderId },
      }),
    },
  ],
};

export interface StoryOrder {
  story: string;
  orderId: string;
  productId: string;
  totalCents: number;
  events: StoryEvent[];
}

export interface Delivery extends StoryEvent {
  orderId: string;
  copy: number;
}

export interface Delivered extends Delivery {
  response: WebhookResponse;
}

/** One reserved order (2 units of its own product, stock 10) per story. */
export async function storyOrders(
  db: Firestore,
  reserve: (productId: string) => Promise<string>,
  stories: readonly string[] = Object.keys(STORIES),
): Promise<StoryOrder[]> {
  const orders: StoryOrder[] = [];
  for (const [index, story] of stories.entries()) {
    const productId = `product-${index}`;
    await seedProduct(db, productId, { stock: 10, priceCents: 1_000 });
    const orderId = await reserve(productId);
    const facts = await paymentFacts(db, orderId);
    const build = STORIES[story];
    if (!build) throw new Error(`No story ${story}`);
    const totalCents = Number((await orderData(db, orderId)).totalCents);
    orders.push({ story, orderId, productId, totalCents, events: build(facts) });
  }
  return orders;
}

/** Every event of every order `copies` times, shuffled with `seed`. */
export function shuffledDeliveries(orders: readonly StoryOrder[], copies: number, seed: number): Delivery[] {
  const all = orders.flatMap(({ orderId, events }) =>
    events.flatMap((event) => Array.from({ length: copies }, (_, copy) => ({ ...event, orderId, copy }))),
  );
  return seededShuffle(all, seed);
}

export function expectedFor(order: StoryOrder, delivered: readonly Delivery[]): Expected {
  const mine = delivered.filter((delivery) => delivery.orderId === order.orderId);
  return expectedAfter(order.orderId, order.totalCents, firstArrivals(mine));
}
