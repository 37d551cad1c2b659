import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  canTransition,
  isTerminal,
  orderEventSchema,
  orderEvents,
  orderStatuses,
  releasesStock,
  statusLabel,
  transition,
  type OrderEvent,
  type OrderStatus,
} from "../src";

const legal: ReadonlyArray<[OrderStatus, OrderEvent, OrderStatus]> = [
  ["pending", "priced", "awaiting_payment"],
  ["pending", "rejected", "rejected"],
  ["pending", "cancelled", "cancelled"],
  ["awaiting_payment", "payment_processing", "payment_processing"],
  ["awaiting_payment", "payment_succeeded", "paid"],
  ["awaiting_payment", "payment_failed", "payment_failed"],
  ["awaiting_payment", "expired", "expired"],
  ["awaiting_payment", "cancelled", "cancelled"],
  ["payment_processing", "payment_succeeded", "paid"],
  ["payment_processing", "payment_failed", "payment_failed"],
  ["paid", "shipped", "shipped"],
  ["paid", "cancelled", "cancelled"],
  ["paid", "refunded", "refunded"],
  ["shipped", "delivered", "delivered"],
  ["shipped", "refunded", "refunded"],
  ["delivered", "refunded", "refunded"],
];

const isLegal = (from: OrderStatus, event: OrderEvent) => legal.some(([f, e]) => f === from && e === event);

describe("transition", () => {
  it.each(legal)("%s --%s--> %s", (from, event, to) => {
    expect(transition({ status: from }, event)).toEqual({ ok: true, to });
  });

  it("rejects every (status, event) pair outside the table", () => {
    let rejected = 0;
    for (const status of orderStatuses) {
      for (const event of orderEvents) {
        if (isLegal(status, event)) continue;
        const result = transition({ status }, event);
        expect(result, `${status} + ${event}`).toEqual({
          ok: false,
          error: `Cannot apply "${event}" to an order that is "${status}"`,
        });
        rejected++;
      }
    }
    expect(rejected).toBe(orderStatuses.length * orderEvents.length - legal.length);
  });

  it("gives a readable error", () => {
    expect(transition({ status: "pending" }, "shipped")).toEqual({
      ok: false,
      error: 'Cannot apply "shipped" to an order that is "pending"',
    });
  });

  it("rejects untyped runtime events, even ones named like Object members", () => {
    expect(orderEventSchema.safeParse("toString").success).toBe(false);
    const bogus = "toString" as OrderEvent;
    expect(transition({ status: "pending" }, bogus)).toEqual({
      ok: false,
      error: 'Unknown order event "toString"',
    });
  });
});

describe("canTransition / allowedEvents / isTerminal", () => {
  it("canTransition agrees with the table for every status pair", () => {
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        const expected = legal.some(([f, , t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(expected);
      }
    }
  });

  it("lists allowed events per status", () => {
    expect(allowedEvents("pending").sort()).toEqual(["cancelled", "priced", "rejected"]);
    expect(allowedEvents("paid").sort()).toEqual(["cancelled", "refunded", "shipped"]);
    expect(allowedEvents("shipped").sort()).toEqual(["delivered", "refunded"]);
    // A delayed payment is neither expired by the job nor cancelled by the shopper: the bank decides.
    expect(allowedEvents("payment_processing").sort()).toEqual(["payment_failed", "payment_succeeded"]);
  });

  it("knows which statuses are terminal", () => {
    const terminal = orderStatuses.filter(isTerminal);
    expect(terminal.sort()).toEqual(
      ["cancelled", "expired", "payment_failed", "refunded", "rejected"].sort(),
    );
  });

  it("has a human label for every status", () => {
    expect(statusLabel("awaiting_payment")).toBe("Awaiting payment");
    expect(statusLabel("payment_failed")).toBe("Payment failed");
    for (const status of orderStatuses) expect(statusLabel(status)).toMatch(/^[A-Z]/);
  });
});

describe("releasesStock", () => {
  const releasing: ReadonlyArray<[OrderStatus, OrderStatus]> = [
    ["awaiting_payment", "payment_failed"],
    ["awaiting_payment", "expired"],
    ["awaiting_payment", "cancelled"],
    ["payment_processing", "payment_failed"],
    ["paid", "cancelled"],
    ["paid", "refunded"],
  ];

  it.each(releasing)("%s -> %s gives stock back", (from, to) => {
    expect(releasesStock(from, to)).toBe(true);
  });

  it("is false for every other pair, including pending -> cancelled and refunds of shipped goods", () => {
    expect(releasesStock("pending", "cancelled")).toBe(false);
    expect(releasesStock("shipped", "refunded")).toBe(false);
    expect(releasesStock("delivered", "refunded")).toBe(false);
    for (const from of orderStatuses) {
      for (const to of orderStatuses) {
        if (releasing.some(([f, t]) => f === from && t === to)) continue;
        expect(releasesStock(from, to), `${from} -> ${to}`).toBe(false);
      }
    }
  });

  it("only releases on legal moves", () => {
    for (const [from, to] of releasing) expect(canTransition(from, to)).toBe(true);
  });
});
