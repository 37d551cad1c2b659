import { canTransition, orderStatusSchema, type OrderStatus } from "@hearth/domain";
import type { DocumentData } from "firebase-admin/firestore";
import { expect } from "vitest";
import type { RefundRequest } from "../../../functions/src/payments/provider";
import type { WebhookResponse } from "../../../functions/src/payments/webhook";
import { changedPaths, type Dump } from "./db-dump";
import type { TargetOrder } from "./hostile-webhook-bodies";

/** Where a 2xx may write: the orders, their timelines, the event record, stock, notices, mail. */
const WRITABLE = [
  /^orders\/[^/]+$/,
  /^orders\/[^/]+\/events\/[^/]+$/,
  /^webhookEvents\/[^/]+$/,
  /^products\/[^/]+$/,
  /^users\/[^/]+\/notifications\/[^/]+$/,
  /^mail\/[^/]+$/,
];
const LATE: ReadonlySet<OrderStatus> = new Set(["expired", "payment_failed", "cancelled", "rejected"]);

function statusOf(order: DocumentData | undefined): OrderStatus {
  return orderStatusSchema.parse(order?.status);
}

/** Units an order still holds: priced, not given back, not shipped. */
function heldUnits(order: DocumentData, productId: string): number {
  if (!order.pricedAt || order.stockReleasedAt || order.shippedAt) return 0;
  const lines: { productId: string; quantity: number }[] = order.lines ?? [];
  return lines.filter((line) => line.productId === productId).reduce((sum, line) => sum + line.quantity, 0);
}

/** Per product: units on the shelf plus units orders hold. Deliveries must never change it. */
export function accountedStock(dump: Dump, productIds: readonly string[]): Map<string, number> {
  const orders = [...dump.entries()].filter(([path]) => /^orders\/[^/]+$/.test(path));
  return new Map(
    productIds.map((productId) => {
      const held = orders.reduce((sum, [, order]) => sum + heldUnits(order, productId), 0);
      return [productId, Number(dump.get(`products/${productId}`)?.stock) + held];
    }),
  );
}

function parsedObject(body: string): Record<string, unknown> {
  try {
    const event: unknown = JSON.parse(body);
    const object = (event as { data?: { object?: unknown } } | null)?.data?.object;
    return typeof object === "object" && object !== null ? (object as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type CaseKind = "refused" | "applied" | "ignored";

/**
 * What any delivery must leave true: never a 5xx; a 4xx writes nothing; a 2xx moves an order only
 * as the state machine allows, pays it only for its own session, amount and currency, keeps
 * every unit of stock accounted for, and refunds only a late payment, once, in full.
 */
export function checkDelivery(
  targets: readonly TargetOrder[],
  body: string,
  response: WebhookResponse,
  before: Dump,
  after: Dump,
  refunds: readonly RefundRequest[],
  initialStock: ReadonlyMap<string, number>,
): CaseKind {
  expect([200, 400]).toContain(response.status);
  const changed = changedPaths(before, after);
  if (response.status === 400) {
    expect(changed).toEqual([]);
    expect(refunds).toEqual([]);
    return "refused";
  }
  for (const path of changed)
    expect(
      WRITABLE.some((pattern) => pattern.test(path)),
      path,
    ).toBe(true);
  expect(changed.filter((path) => path.startsWith("webhookEvents/")).length).toBeLessThanOrEqual(1);

  for (const target of targets) {
    const path = `orders/${target.orderId}`;
    const was = statusOf(before.get(path));
    const now = after.get(path);
    const is = statusOf(now);
    expect(is === was || canTransition(was, is), `${was} → ${is}`).toBe(true);
    const refunded = now?.payment?.refundedCents ?? 0;
    expect(refunded).toBeLessThanOrEqual(target.totalCents);
    if (refunded !== (before.get(path)?.payment?.refundedCents ?? 0)) {
      // Only a paid order's own payment is refunded, in its own currency.
      expect(before.get(path)?.paidAt, "refund recorded on an unpaid order").toBeDefined();
      const charge = parsedObject(body);
      expect(charge.payment_intent ?? target.paymentIntentId).toBe(target.paymentIntentId);
      expect(String(charge.currency ?? target.currency).toUpperCase()).toBe(target.currency.toUpperCase());
    }
    if (is === "paid" && was !== "paid") {
      const session = parsedObject(body);
      expect(session.id).toBe(target.sessionId);
      expect(session.amount_total).toBe(target.totalCents);
      expect(String(session.currency).toUpperCase()).toBe(target.currency.toUpperCase());
    }
  }
  expect(accountedStock(after, [...initialStock.keys()]), "stock + units held").toEqual(initialStock);
  expect(refunds.length).toBeLessThanOrEqual(1);
  for (const refund of refunds) {
    const target = targets.find((order) => order.orderId === refund.orderId);
    expect(LATE.has(statusOf(before.get(`orders/${refund.orderId}`)))).toBe(true);
    expect(refund.amountCents).toBe(target?.totalCents);
  }
  return response.body.outcome === "applied" && response.body.duplicate === false ? "applied" : "ignored";
}
