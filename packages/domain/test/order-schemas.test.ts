import { describe, expect, it } from "vitest";
import {
  addressSchema,
  orderCreateSchema,
  orderEventRecordSchema,
  orderItemSchema,
  orderSchema,
} from "../src";

const now = new Date("2025-01-02T03:04:05Z");
const firestoreLike = { toMillis: () => 1_700_000_000_000 };

const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

const validOrder = {
  uid: "user-1",
  items: [
    { productId: "p1", quantity: 1 },
    { productId: "p2", quantity: 99 },
  ],
  shippingAddress: address,
  status: "pending",
  createdAt: now,
};

function issues(result: { success: boolean; error?: { issues: { message: string }[] } }): string {
  return (result.error?.issues ?? []).map((issue) => issue.message).join("; ");
}

describe("orderCreateSchema", () => {
  it("accepts a valid shopper order", () => {
    expect(orderCreateSchema.safeParse(validOrder).success).toBe(true);
    expect(orderCreateSchema.safeParse({ ...validOrder, createdAt: firestoreLike }).success).toBe(true);
  });

  it("rejects duplicate productIds with a clear message", () => {
    const result = orderCreateSchema.safeParse({
      ...validOrder,
      items: [
        { productId: "p1", quantity: 1 },
        { productId: "p1", quantity: 2 },
      ],
    });
    expect(result.success).toBe(false);
    expect(issues(result)).toContain('Product "p1" appears more than once');
  });

  it("allows 50 lines but not 51, and not zero", () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ productId: `p${i}`, quantity: 1 }));
    expect(orderCreateSchema.safeParse({ ...validOrder, items: lines(50) }).success).toBe(true);
    expect(orderCreateSchema.safeParse({ ...validOrder, items: lines(51) }).success).toBe(false);
    expect(orderCreateSchema.safeParse({ ...validOrder, items: [] }).success).toBe(false);
  });

  it.each([0, 100, 1.5, -1, "2"])("rejects quantity %j", (quantity) => {
    expect(orderItemSchema.safeParse({ productId: "p1", quantity }).success).toBe(false);
    expect(
      orderCreateSchema.safeParse({ ...validOrder, items: [{ productId: "p1", quantity }] }).success,
    ).toBe(false);
  });

  it("rejects extra keys at the top level, in items and in the address", () => {
    expect(orderCreateSchema.safeParse({ ...validOrder, totalCents: 1 }).success).toBe(false);
    expect(
      orderCreateSchema.safeParse({ ...validOrder, items: [{ productId: "p1", quantity: 1, priceCents: 1 }] })
        .success,
    ).toBe(false);
    expect(
      orderCreateSchema.safeParse({ ...validOrder, shippingAddress: { ...address, admin: true } }).success,
    ).toBe(false);
  });

  it.each(["gb", "GBR", "G", "12", ""])("rejects country %j", (country) => {
    expect(
      orderCreateSchema.safeParse({ ...validOrder, shippingAddress: { ...address, country } }).success,
    ).toBe(false);
  });

  it.each(["paid", "awaiting_payment", "PENDING", undefined])("rejects status %j", (status) => {
    expect(orderCreateSchema.safeParse({ ...validOrder, status }).success).toBe(false);
  });

  it("requires uid and a long-enough productId", () => {
    expect(orderCreateSchema.safeParse({ ...validOrder, uid: "" }).success).toBe(false);
    expect(orderItemSchema.safeParse({ productId: "", quantity: 1 }).success).toBe(false);
    expect(orderItemSchema.safeParse({ productId: "x".repeat(129), quantity: 1 }).success).toBe(false);
  });
});

describe("orderSchema", () => {
  it("accepts a priced, paid order written by functions", () => {
    const order = {
      ...validOrder,
      status: "paid",
      lines: [{ productId: "p1", name: "Oak Bowl", unitPriceCents: 2500, quantity: 1, lineTotalCents: 2500 }],
      subtotalCents: 2500,
      shippingCents: 0,
      totalCents: 2500,
      currency: "USD",
      payment: { provider: "stripe", sessionId: "cs_1", status: "paid" },
      expiresAt: now,
      pricedAt: now,
      paidAt: firestoreLike,
      updatedAt: now,
    };
    expect(orderSchema.safeParse(order).success).toBe(true);
  });

  it("rejects unknown statuses and float money", () => {
    expect(orderSchema.safeParse({ ...validOrder, status: "lost" }).success).toBe(false);
    expect(orderSchema.safeParse({ ...validOrder, totalCents: 12.5 }).success).toBe(false);
  });
});

describe("orderEventRecordSchema", () => {
  it("accepts an audit entry and rejects unknown actors", () => {
    const entry = {
      from: null,
      to: "pending",
      event: "priced",
      actor: { type: "system", id: null },
      at: now,
    };
    expect(orderEventRecordSchema.safeParse(entry).success).toBe(true);
    expect(orderEventRecordSchema.safeParse({ ...entry, actor: { type: "robot", id: null } }).success).toBe(
      false,
    );
  });
});

describe("addressSchema", () => {
  it("accepts optional line2 and trims", () => {
    const parsed = addressSchema.parse({ ...address, line2: "Flat 3", name: "  Ada  " });
    expect(parsed.name).toBe("Ada");
  });

  it("rejects blank required fields", () => {
    expect(addressSchema.safeParse({ ...address, city: "   " }).success).toBe(false);
    expect(addressSchema.safeParse({ ...address, postalCode: "1".repeat(21) }).success).toBe(false);
  });
});
