// Hostile field values, shared by the rules and functions suites. Only values both Firestore SDKs
// can encode: no undefined, no nested arrays, no map keys Firestore reserves (__x__), and times
// as Date (each SDK turns it into its own Timestamp).
import fc from "fast-check";

/** Numbers no count, price or quantity may be: zero, negatives, fractions, huge, non-finite. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 0.5, 1.5, 2 ** 31, 2 ** 53, 2 ** 63, 1e21, Number.MAX_VALUE),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noInteger: true }),
);

/** An integer outside [min, max], or a number that is not an integer at all. */
export const intOutside = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 1_000_000 }),
    fc.integer({ min: min - 1_000_000, max: min - 1 }),
    fc.constantFrom(min - 1, max + 1, min + 0.5, max - 0.5),
    oddNumber.filter((n) => !(Number.isInteger(n) && n >= min && n <= max)),
  );

/** Not a whole number 0 or more: negatives, fractions, non-finite, and -0 (a double, not an int). */
export const notNatural: fc.Arbitrary<number> = oddNumber.filter(
  (n) => !(Number.isInteger(n) && n >= 0) || Object.is(n, -0),
);

/** Any text: every Unicode code point (never a lone surrogate), up to `maxLength` of them. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: "binary", maxLength });

/**
 * Text longer than `max` however it is counted (UTF-16 units, as the rules emulator's size() does,
 * or code points, as zod's .max() does), and still longer once trimmed: ASCII or emoji.
 */
export const textLongerThan = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .string({ unit: "grapheme-ascii", minLength: max + 1, maxLength: max + 30 })
      .filter((text) => text.trim().length > max),
    fc.integer({ min: max + 1, max: max + 5 }).map((n) => "\u{1F375}".repeat(n)),
    fc.constant("x".repeat(max + 1)),
  );

/** Text made only of what trim() removes: empty to the eye. */
export const blankText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff"), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(""));

/** Document ids Firestore refuses, or that name no single document. */
export const unusableId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", ".", "..", "/", "a/b", "mug/", "/mug", "__x__", "____", "__multi\nline__"),
  anyText(10).map((inner) => `__${inner}__`),
  anyText(10).map((tail) => `mug/${tail}`),
);

/** A date Firestore can store, from 1970 to 2100. */
export const anyDate: fc.Arbitrary<Date> = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});

/** Names of fields a client might slip in to set what only the server decides. */
export const serverOwnedField = fc.constantFrom(
  "priceCents",
  "unitPriceCents",
  "totalCents",
  "subtotalCents",
  "shippingCents",
  "lines",
  "payment",
  "paidAt",
  "currency",
  "rejectionReason",
  "customerEmail",
  "admin",
  "role",
  "stock",
  "discountCents",
);

const safeKey = fc.oneof(serverOwnedField, fc.constantFrom("ñ", "a.b", "x y", "0", "\u{1F375}"));

/** A scalar of any type: the wrong type for almost every field. */
export const anyScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  anyText(),
  oddNumber,
  fc.integer(),
  anyDate,
);

/** Any value Firestore can hold inside a list: scalars and (nested) maps, no lists. */
export const anyListEntry: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyScalar },
  fc.dictionary(safeKey, anyScalar, { maxKeys: 3 }),
  fc.dictionary(safeKey, fc.dictionary(safeKey, anyScalar, { maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }),
);

/** Any value Firestore can hold in a field: everything above, and lists of it. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyListEntry },
  fc.array(anyListEntry, { maxLength: 4 }),
);

/** A value of any type except `typeof` = `type` (and, for "object", not a map). */
export const notA = (type: "string" | "number" | "boolean" | "object"): fc.Arbitrary<unknown> =>
  anyValue.filter((value) =>
    type === "object"
      ? typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date
      : typeof value !== type,
  );

/** Anything but a time: text that reads as one, epoch numbers, maps shaped like a Timestamp. */
export const notATime: fc.Arbitrary<unknown> = fc.oneof(
  anyDate.map((date) => date.toISOString()),
  anyDate.map((date) => date.getTime()),
  fc.constant({ seconds: 1_735_689_600, nanoseconds: 0 }),
  anyValue.filter((value) => !(value instanceof Date)),
);
