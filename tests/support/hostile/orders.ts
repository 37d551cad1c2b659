// Valid pieces of an order as a shopper writes it, valid for firestore.rules and the domain schema
// alike; the hostile suites start from these and break one or two things.
import { addressSchema, idSchema, type Address, type OrderItem } from "@hearth/domain";
import fc from "fast-check";

/** A product id both the rules and idSchema take: plain, edgy ('...', '___') or any Unicode. */
export const validProductId: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,19}$/),
  fc.constantFrom("...", ".x", "x.", "___", "__x", "x__", "_._", "p".repeat(128)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }).filter((id) => idSchema.safeParse(id).success),
);

/** 1..maxLines lines for distinct products; one order in four has at least maxLines - 5. */
export const validItems = (maxUnits: number, maxLines = 50): fc.Arbitrary<OrderItem[]> => {
  const lines = (minLength: number) =>
    fc.uniqueArray(
      fc.record({ productId: validProductId, quantity: fc.integer({ min: 1, max: maxUnits }) }),
      { minLength, maxLength: maxLines, selector: (item) => item.productId },
    );
  return fc.oneof(
    { weight: 3, arbitrary: lines(1) },
    { weight: 1, arbitrary: lines(Math.max(1, maxLines - 5)) },
  );
};

/** Text of 1..max UTF-16 units that is not blank, any Unicode. */
const text = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: max }),
      fc.string({ unit: "binary", minLength: 1, maxLength: max }),
    )
    .filter((value) => value.length <= max && value.trim() !== "");

export const validAddress: fc.Arbitrary<Address> = fc
  .record(
    {
      name: text(100),
      line1: text(200),
      line2: fc.oneof(fc.constant(""), text(200)),
      city: text(100),
      postalCode: text(20),
      country: fc.stringMatching(/^[A-Z]{2}$/),
    },
    { requiredKeys: ["name", "line1", "city", "postalCode", "country"] },
  )
  .filter((address) => addressSchema.safeParse(address).success);
