// Categories and config/store as an admin writes them through the web SDK, and the helpers the
// product arbitraries share: valid documents, and near-valid ones with one or two defects, each of
// which the rules must refuse on its own.
import fc from "fast-check";
import type { DocumentData } from "firebase/firestore";
import { applyDefects, type Defect } from "../support/hostile/defects";
import { anyValue, blankText, intOutside, notA, notNatural, textLongerThan } from "../support/hostile/values";

export interface Broken {
  defects: Defect[];
  data: DocumentData;
}

export const broken = (
  valid: fc.Arbitrary<DocumentData>,
  defect: fc.Arbitrary<Defect>,
): fc.Arbitrary<Broken> =>
  fc
    .tuple(valid, fc.array(defect, { minLength: 1, maxLength: 2 }))
    .map(([data, defects]) => ({ defects, data: applyDefects(data, defects) }));

export const setAt =
  (...path: (string | number)[]) =>
  (to: unknown): Defect => ({ set: path, to });

/** Not blank, no '\n', no whitespace at either end, at most `max` UTF-16 units. */
export const plainText = (max: number, min = 1): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: max }),
      fc.string({ unit: "binary", minLength: min, maxLength: max }),
    )
    .filter((text) => text.length <= max && !text.includes("\n") && text.trim() === text);

export const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,4}$/);
export const badSlug = fc.oneof(
  fc.constantFrom(
    "",
    "Blue Mug",
    "blue--mug",
    "-mug",
    "mug-",
    "Mug",
    "mügg",
    "mug_2",
    "a/b",
    "x".repeat(121),
  ),
  notA("string"),
);
export const badText = (max: number) =>
  fc.oneof(fc.constant(""), blankText, textLongerThan(max), notA("string"));

export const validCategory: fc.Arbitrary<DocumentData> = fc.record({
  name: plainText(60),
  slug,
  position: fc.oneof(fc.nat(100), fc.maxSafeNat()),
});

export const brokenCategory: fc.Arbitrary<Broken> = broken(
  validCategory,
  fc.oneof(
    badText(60).map(setAt("name")),
    badSlug.map(setAt("slug")),
    fc.oneof(notNatural, notA("number")).map(setAt("position")),
    fc.tuple(fc.constantFrom("hidden", "productCount", "admin"), anyValue).map(([key, to]) => setAt(key)(to)),
    fc.constantFrom("name", "slug", "position").map((key) => ({ drop: [key] })),
  ),
);

export const validStoreConfig: fc.Arbitrary<DocumentData> = fc.record(
  {
    storeName: plainText(80),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
    shipping: fc.record({ flatCents: fc.nat(), freeOverCents: fc.oneof(fc.constant(null), fc.nat()) }),
    lowStockThreshold: fc.nat(),
    maxOpenOrdersPerAccount: fc.integer({ min: 1, max: 100 }),
    maxUnitsPerProduct: fc.integer({ min: 1, max: 99 }),
    timeZone: fc.constantFrom("UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"),
  },
  { requiredKeys: ["storeName", "currency", "shipping", "lowStockThreshold"] },
);

export const brokenStoreConfig: fc.Arbitrary<Broken> = broken(
  validStoreConfig,
  fc.oneof(
    badText(80).map(setAt("storeName")),
    fc.oneof(fc.constantFrom("usd", "US", "USDT"), notA("string")).map(setAt("currency")),
    fc.oneof(notA("object"), fc.constant({ flatCents: 490 })).map(setAt("shipping")),
    fc
      .tuple(
        fc.constantFrom("flatCents", "freeOverCents"),
        fc.oneof(
          notNatural,
          notA("number").filter((v) => v !== null),
        ),
      )
      .map(([key, to]) => setAt("shipping", key)(to)),
    fc.tuple(fc.constantFrom("express", "taxCents"), anyValue).map(([key, to]) => setAt("shipping", key)(to)),
    fc.oneof(notNatural, notA("number")).map(setAt("lowStockThreshold")),
    fc.oneof(intOutside(1, 100), notA("number")).map(setAt("maxOpenOrdersPerAccount")),
    fc.oneof(intOutside(1, 99), notA("number")).map(setAt("maxUnitsPerProduct")),
    fc
      .oneof(
        fc.constantFrom("", "Europe/Le Havre", "Europe/", "../Paris", "A/B/C/D", `Europe/${"x".repeat(58)}`),
        notA("string"),
      )
      .map(setAt("timeZone")),
    fc.tuple(fc.constantFrom("taxRate", "stripeKey", "admins"), anyValue).map(([key, to]) => setAt(key)(to)),
    fc.constantFrom("storeName", "currency", "shipping", "lowStockThreshold").map((key) => ({ drop: [key] })),
  ),
);
