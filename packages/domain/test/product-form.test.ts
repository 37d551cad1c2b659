import { describe, expect, it } from "vitest";
import {
  MAX_STOCK_SHARDS,
  productFormSchema,
  productFormValues,
  productSchema,
  stockShardsFieldSchema,
  stockShardsFieldValue,
  type ProductFormValues,
} from "../src";

const valid: ProductFormValues = {
  name: " Cast Iron Skillet ",
  slug: "cast-iron-skillet",
  description: "Heavy.",
  price: "1,245.5",
  categoryId: "kitchen",
  tags: "Cookware, iron, cookware, ",
  status: "active",
  stock: "12",
};

const messages = (values: ProductFormValues, currency = "USD") => {
  const result = productFormSchema(currency).safeParse(values);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("the product form schema", () => {
  it("turns what an admin types into the callable's input: cents, a tag list, a stock count", () => {
    expect(productFormSchema("USD").parse(valid)).toEqual({
      name: "Cast Iron Skillet",
      slug: "cast-iron-skillet",
      description: "Heavy.",
      priceCents: 124_550,
      categoryId: "kitchen",
      tags: ["cookware", "iron"],
      status: "active",
      stock: 12,
    });
    expect(productFormSchema("JPY").parse({ ...valid, price: "1200" }).priceCents).toBe(1200);
  });

  it("says what is wrong with each field", () => {
    expect(messages({ ...valid, price: "12.345" })).toEqual([
      "price: USD amounts allow at most 2 decimal places.",
    ]);
    expect(messages({ ...valid, price: "12.5" }, "JPY")).toEqual([
      "price: JPY amounts cannot have decimals.",
    ]);
    expect(messages({ ...valid, price: "0" })).toEqual([
      "price: Enter a price above 0 and at most 999999.99.",
    ]);
    expect(messages({ ...valid, slug: "Cast Iron" })).toEqual([
      "slug: Use lowercase letters and digits joined by single hyphens.",
    ]);
    expect(messages({ ...valid, stock: "-1" })).toEqual([
      "stock: Stock is a whole number of units, 0 or more.",
    ]);
    expect(messages({ ...valid, stock: "2.5" })).toEqual([
      "stock: Stock is a whole number of units, 0 or more.",
    ]);
    expect(messages({ ...valid, name: "  " })).toEqual(["name: Enter a name."]);
    expect(messages({ ...valid, tags: "x".repeat(41) })).toEqual([
      `tags: Tag "${"x".repeat(20)}…" is longer than 40 characters.`,
    ]);
  });

  it("starts from a stored product and gives it back unchanged", () => {
    const stored = productSchema.parse({
      name: "Linen Apron",
      slug: "linen-apron",
      description: "",
      priceCents: 2_800,
      currency: "USD",
      categoryId: "kitchen",
      tags: ["textiles"],
      status: "draft",
      stock: 3,
      images: [],
      searchTokens: [],
      createdAt: new Date(0),
      updatedAt: new Date(0),
    });
    const { name, slug, description, priceCents, categoryId, tags, status, stock } = stored;
    expect(productFormSchema("USD").parse(productFormValues(stored, "USD"))).toEqual({
      name,
      slug,
      description,
      priceCents,
      categoryId,
      tags,
      status,
      stock,
    });
    expect(productFormValues(null, "USD")).toMatchObject({ status: "draft", stock: "0", price: "" });
  });
});

describe("the flash-sale shards field", () => {
  it("takes a whole number of shards from 1 to MAX_STOCK_SHARDS", () => {
    expect(stockShardsFieldSchema.parse(" 20 ")).toBe(20);
    expect(stockShardsFieldSchema.parse(String(MAX_STOCK_SHARDS))).toBe(MAX_STOCK_SHARDS);
  });

  it.each(["0", "", "2.5", "-3", "ten"])("refuses %j with a sentence", (value) => {
    const result = stockShardsFieldSchema.safeParse(value);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      `Enter a whole number of shards from 1 to ${MAX_STOCK_SHARDS}.`,
    ]);
  });

  it("refuses more shards than a product may have", () => {
    expect(stockShardsFieldSchema.safeParse(String(MAX_STOCK_SHARDS + 1)).error?.issues[0]?.message).toBe(
      `Use at most ${MAX_STOCK_SHARDS} shards.`,
    );
  });

  it("starts at 1 for a new or never sharded product, else at the product's count", () => {
    expect(stockShardsFieldValue(null)).toBe("1");
    expect(stockShardsFieldValue({})).toBe("1");
    expect(stockShardsFieldValue({ stockShards: 8 })).toBe("8");
  });
});
