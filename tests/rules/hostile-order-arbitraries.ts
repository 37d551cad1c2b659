// Orders a shopper writes through the web SDK: valid ones, and near-valid ones with one or two
// defects, each of which firestore.rules must refuse on its own.
import { orderStatuses } from "@hearth/domain";
import fc from "fast-check";
import { serverTimestamp, type DocumentData } from "firebase/firestore";
import { applyDefects, type Defect } from "../support/hostile/defects";
import { validAddress, validItems } from "../support/hostile/orders";
import {
  anyDate,
  anyListEntry,
  anyScalar,
  anyValue,
  intOutside,
  notA,
  notATime,
  serverOwnedField,
  textLongerThan,
  unusableId,
} from "../support/hostile/values";

export interface OrderCase {
  defects: Defect[];
  order: DocumentData;
}

export const validOrder = (uid: string, maxUnits: number): fc.Arbitrary<DocumentData> =>
  fc.record({ items: validItems(maxUnits), shippingAddress: validAddress }).map((content) => ({
    uid,
    ...content,
    status: "pending",
    createdAt: serverTimestamp(),
  }));

const line = fc.nat();
const ORDER_KEYS = ["uid", "items", "shippingAddress", "status", "createdAt"] as const;
const ADDRESS_KEYS = ["name", "line1", "city", "postalCode", "country"] as const;

/** Product ids the rules refuse: unusable by Firestore, over 128 characters, or not text. */
const refusedProductId: fc.Arbitrary<unknown> = fc.oneof(
  unusableId,
  fc.string({ unit: "grapheme-ascii", minLength: 129, maxLength: 160 }),
  fc.integer({ min: 129, max: 140 }).map((n) => "\u{1F375}".repeat(n)),
  notA("string"),
);

const manyLines = fc
  .integer({ min: 51, max: 60 })
  .map((count) => Array.from({ length: count }, (_, i) => ({ productId: `p${i}`, quantity: 1 })));

const addressDefect: fc.Arbitrary<Defect> = fc.oneof(
  notA("object").map((to) => ({ set: ["shippingAddress"], to })),
  fc.constantFrom(...ADDRESS_KEYS).map((key) => ({ drop: ["shippingAddress", key] })),
  fc
    .tuple(fc.oneof(fc.constantFrom("phone", "line3", "instructions"), serverOwnedField), anyValue)
    .map(([key, to]) => ({ set: ["shippingAddress", key], to })),
  fc
    .tuple(fc.constantFrom("name", "city"), fc.oneof(textLongerThan(100), fc.constant(""), notA("string")))
    .map(([key, to]) => ({ set: ["shippingAddress", key], to })),
  fc
    .tuple(fc.constantFrom("line1", "line2"), fc.oneof(textLongerThan(200), notA("string")))
    .map(([key, to]) => ({ set: ["shippingAddress", key], to })),
  fc.constant({ set: ["shippingAddress", "line1"], to: "" }),
  fc
    .oneof(textLongerThan(20), fc.constant(""), notA("string"))
    .map((to) => ({ set: ["shippingAddress", "postalCode"], to })),
  fc
    .oneof(
      fc.string({ maxLength: 4 }).filter((code) => !/^[A-Z]{2}$/.test(code)),
      fc.constantFrom("fr", "FRA", "F", "Fr", "12", "ÉÉ"),
      notA("string"),
    )
    .map((to) => ({ set: ["shippingAddress", "country"], to })),
);

const itemsDefect = (maxUnits: number): fc.Arbitrary<Defect> =>
  fc.oneof(
    fc.oneof(anyListEntry, fc.constant([]), manyLines).map((to) => ({ set: ["items"], to })),
    fc.tuple(line, line).map((pair) => ({ duplicateLine: pair })),
    fc
      .tuple(line, fc.oneof(intOutside(1, maxUnits), notA("number")))
      .map(([at, to]) => ({ set: ["items", at, "quantity"], to })),
    fc.tuple(line, refusedProductId).map(([at, to]) => ({ set: ["items", at, "productId"], to })),
    fc.tuple(line, anyScalar).map(([at, to]) => ({ set: ["items", at], to })),
    fc
      .tuple(line, fc.constantFrom("productId", "quantity"))
      .map(([at, key]) => ({ drop: ["items", at, key] })),
  );

const topDefect: fc.Arbitrary<Defect> = fc.oneof(
  fc
    .oneof(fc.constantFrom("bob", "", "alice ", "Alice", "root"), notA("string"))
    .map((to) => ({ set: ["uid"], to })),
  fc
    .oneof(
      fc.constantFrom(...orderStatuses.filter((status) => status !== "pending"), "Pending", "pending "),
      notA("string"),
    )
    .map((to) => ({ set: ["status"], to })),
  fc.oneof(anyDate, notATime).map((to) => ({ set: ["createdAt"], to })),
  fc.tuple(serverOwnedField, anyValue).map(([key, to]) => ({ set: [key], to })),
  fc.constantFrom(...ORDER_KEYS).map((key) => ({ drop: [key] })),
);

/** A valid order of `uid` with one or two defects, each enough for the rules to refuse it. */
export const brokenOrder = (uid: string, maxUnits: number): fc.Arbitrary<OrderCase> =>
  fc
    .tuple(
      validOrder(uid, maxUnits),
      fc.array(fc.oneof(topDefect, addressDefect, itemsDefect(maxUnits)), { minLength: 1, maxLength: 2 }),
    )
    .map(([order, defects]) => ({ defects, order: applyDefects(order, defects) }));
