import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT,
  DEFAULT_MAX_UNITS_PER_PRODUCT,
  MAX_LINE_QUANTITY,
  MAX_OPEN_ORDERS_PER_ACCOUNT,
  categorySchema,
  idSchema,
  orderItemSchema,
  productSchema,
  storeConfigSchema,
} from "../src";

describe("idSchema follows Firestore's document id constraints", () => {
  it.each([
    ".",
    "..",
    "__x__",
    "____",
    "__multi\nline__",
    "a/b",
    "/",
    "x/",
    "",
    "x".repeat(129),
    "a\ud800",
    "\udc00b",
  ])("refuses %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });

  it.each([
    "mug",
    "...",
    ".x",
    "x.",
    "___",
    "__x",
    "x__",
    "_._",
    "x".repeat(128),
    "caf\u00e9",
    "mug \u{1f375}",
  ])("accepts %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it("says why, and applies to order lines and product categories", () => {
    const line = orderItemSchema.safeParse({ productId: "..", quantity: 1 });
    expect(line.success).toBe(false);
    expect(line.error?.issues.map((issue) => issue.message)).toEqual(["An id cannot be '.' or '..'"]);
    expect(idSchema.safeParse("__kitchen__").error?.issues[0]?.message).toBe(
      "An id cannot start and end with '__'",
    );
    expect(idSchema.safeParse("a/b").error?.issues[0]?.message).toBe("An id cannot contain '/'");
    expect(idSchema.safeParse("a\ud800").error?.issues[0]?.message).toBe("An id must be valid Unicode text");
    expect(productSchema.shape.categoryId.safeParse(".").success).toBe(false);
  });
});

describe("storeConfigSchema order limits", () => {
  const config = {
    storeName: "Hearth",
    currency: "USD",
    shipping: { flatCents: 500, freeOverCents: null },
    lowStockThreshold: 3,
  };

  it("defaults both limits and the time zone, so a config written before them still parses", () => {
    expect(storeConfigSchema.parse(config)).toEqual({
      ...config,
      maxOpenOrdersPerAccount: DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT,
      maxUnitsPerProduct: DEFAULT_MAX_UNITS_PER_PRODUCT,
      timeZone: "UTC",
    });
    expect([DEFAULT_MAX_OPEN_ORDERS_PER_ACCOUNT, DEFAULT_MAX_UNITS_PER_PRODUCT]).toEqual([3, 10]);
  });

  it.each([
    [1, 1],
    [MAX_OPEN_ORDERS_PER_ACCOUNT, MAX_LINE_QUANTITY],
  ])("accepts %i open orders and %i units per product", (open, units) => {
    const parsed = storeConfigSchema.parse({
      ...config,
      maxOpenOrdersPerAccount: open,
      maxUnitsPerProduct: units,
    });
    expect([parsed.maxOpenOrdersPerAccount, parsed.maxUnitsPerProduct]).toEqual([open, units]);
  });

  it.each([
    ["maxOpenOrdersPerAccount", 0],
    ["maxOpenOrdersPerAccount", MAX_OPEN_ORDERS_PER_ACCOUNT + 1],
    ["maxOpenOrdersPerAccount", 2.5],
    ["maxOpenOrdersPerAccount", "3"],
    ["maxUnitsPerProduct", 0],
    ["maxUnitsPerProduct", MAX_LINE_QUANTITY + 1],
    ["maxUnitsPerProduct", null],
  ])("refuses %s = %j", (key, value) => {
    expect(storeConfigSchema.safeParse({ ...config, [key]: value }).success).toBe(false);
  });

  it("refuses a store name or category name of whitespace only (the rules do too)", () => {
    expect(storeConfigSchema.safeParse({ ...config, storeName: " \u00a0 " }).success).toBe(false);
    expect(categorySchema.safeParse({ name: "\u3000", slug: "kitchen", position: 0 }).success).toBe(false);
  });
});
