import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../lib/catalog/cursor";
import { listingHref, parseListingParams } from "../lib/catalog/listing-params";
import { stockLabel, stockState } from "../lib/catalog/stock";

describe("parseListingParams", () => {
  it("reads filters, sort and page from the URL, in the store currency", () => {
    const params = parseListingParams(
      { q: " linen ", tag: "textiles", min: "10", max: "45.50", stock: "1", sort: "price-asc", after: "abc" },
      "USD",
    );
    expect(params).toMatchObject({
      q: "linen",
      tag: "textiles",
      minCents: 1000,
      maxCents: 4550,
      inStock: true,
      sort: "price-asc",
      after: "abc",
      before: null,
      issues: [],
    });
  });

  it("treats the empty fields of a submitted form as unset and falls back to newest", () => {
    const params = parseListingParams({ q: "", tag: "", min: "", max: "", sort: "cheapest" }, "USD");
    expect(params).toMatchObject({
      q: "",
      tag: "",
      minCents: null,
      maxCents: null,
      inStock: false,
      sort: "newest",
    });
  });

  it("reports bad prices and an inverted range, and leaves them out", () => {
    expect(parseListingParams({ min: "ten" }, "USD")).toMatchObject({
      minCents: null,
      issues: ['Minimum price: "ten" is not a valid amount'],
    });
    const inverted = parseListingParams({ min: "50", max: "10" }, "USD");
    expect(inverted).toMatchObject({ minCents: null, maxCents: null });
    expect(inverted.issues).toHaveLength(1);
  });

  it("builds short, shareable URLs that reset the page unless given one", () => {
    const params = parseListingParams({ q: "mug", min: "5", sort: "newest", after: "x" }, "USD");
    expect(listingHref("/products", params)).toBe("/products?q=mug&min=5");
    expect(listingHref("/products", params, { before: "c1" })).toBe("/products?q=mug&min=5&before=c1");
    expect(listingHref("/categories/kitchen", params, { sort: "name", q: "" })).toBe(
      "/categories/kitchen?min=5&sort=name",
    );
  });
});

describe("listing cursors", () => {
  it("round-trip the sort's order values and the document id", () => {
    const cursor = {
      sort: "newest" as const,
      values: [{ seconds: 1_735_689_600, nanoseconds: 123_456_789 }, 4500, 12],
      id: "cast-iron-skillet",
    };
    expect(decodeCursor(encodeCursor(cursor), "newest")).toEqual(cursor);
  });

  it("are refused when malformed or made for another sort", () => {
    const byName = encodeCursor({ sort: "name", values: ["Linen Apron", 2800, 3], id: "linen-apron" });
    expect(decodeCursor(byName, "name")).not.toBeNull();
    expect(decodeCursor(byName, "price-asc")).toBeNull();
    expect(decodeCursor("not-a-cursor", "name")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "name", values: [1, 2, 3], id: "x" }), "name")).toBeNull();
  });
});

describe("stock state", () => {
  it("follows the store's low-stock threshold", () => {
    expect(stockLabel(stockState(0, 5))).toBe("Sold out");
    expect(stockLabel(stockState(3, 5))).toBe("Only 3 left");
    expect(stockLabel(stockState(3, 2))).toBe("In stock");
    expect(stockLabel(stockState(5, 5))).toBe("Only 5 left");
  });
});
