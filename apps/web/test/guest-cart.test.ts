import { idSchema, MAX_ID_LENGTH } from "@hearth/domain";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { MAX_CART_QUANTITY, sortLines } from "../lib/cart/cart-line";
import { isDocumentId, parseGuestCart } from "../lib/cart/guest-cart";

// guest-cart.ts checks by hand what this schema checks, to keep zod out of every page's first view.
const guestCartSchema = z.array(
  z.object({
    productId: idSchema,
    quantity: z.int().min(1).max(MAX_CART_QUANTITY),
    addedAt: z.number().finite(),
  }),
);

const IDS: unknown[] = [
  "apron",
  "a",
  "x".repeat(MAX_ID_LENGTH),
  "x".repeat(MAX_ID_LENGTH + 1),
  "",
  ".",
  "..",
  "...",
  "a/b",
  "__reserved__",
  "__half",
  "half__",
  "__\n__",
  " spaced ",
  42,
  null,
  undefined,
  ["apron"],
];

describe("guest cart parsing", () => {
  it("accepts the same product ids as @hearth/domain's idSchema", () => {
    for (const id of IDS) expect(isDocumentId(id), JSON.stringify(id)).toBe(idSchema.safeParse(id).success);
  });

  it("reads what the schema reads and refuses what it refuses", () => {
    const line = { productId: "apron", quantity: 2, addedAt: 1_700_000_000_000 };
    const samples: unknown[] = [
      [],
      [line],
      [line, { productId: "mug", quantity: MAX_CART_QUANTITY, addedAt: 1 }],
      [{ ...line, extra: "dropped" }],
      [{ ...line, quantity: 0 }],
      [{ ...line, quantity: MAX_CART_QUANTITY + 1 }],
      [{ ...line, quantity: 1.5 }],
      [{ ...line, quantity: "2" }],
      [{ ...line, addedAt: Number.POSITIVE_INFINITY }],
      [{ ...line, addedAt: Number.NaN }],
      [{ ...line, addedAt: "yesterday" }],
      [{ ...line, productId: "a/b" }],
      [{ quantity: 1, addedAt: 1 }],
      [line, null],
      [line, "apron"],
      { 0: line },
      "apron",
      null,
    ];
    for (const sample of samples) {
      const parsed = guestCartSchema.safeParse(sample);
      expect(parseGuestCart(sample), JSON.stringify(sample)).toEqual(
        parsed.success ? sortLines(parsed.data) : [],
      );
    }
  });

  it("lists lines in the order they were added", () => {
    const lines = [
      { productId: "b", quantity: 1, addedAt: 2 },
      { productId: "a", quantity: 1, addedAt: 1 },
    ];
    expect(parseGuestCart(lines).map((line) => line.productId)).toEqual(["a", "b"]);
  });
});
