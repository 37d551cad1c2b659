// Orders that get past firestore.rules (or, where noted, only past an Admin SDK writer) and are
// still wrong for the server: onOrderCreated must reject each with a reason, never throw.
import { MAX_PRICE_CENTS, type OrderItem } from "@hearth/domain";
import fc from "fast-check";
import type { Firestore } from "firebase-admin/firestore";
import { validAddress, validItems, validProductId } from "../../support/hostile/orders";
import { blankText, intOutside, notA, unusableId } from "../../support/hostile/values";
import { productDoc } from "./seed";

export const PLENTY = Array.from({ length: 20 }, (_, i) => `plenty-${i}`);

/** The products the generated orders point at; `broken` is a document the domain schema refuses. */
export async function seedHostileCatalog(db: Firestore): Promise<void> {
  const products = db.collection("products");
  const writes = [
    products.doc("mug").set(productDoc("mug", { stock: 5, name: "Mug" })),
    products.doc("tea").set(productDoc("tea", { stock: 2, name: "Tea" })),
    products.doc("zero").set(productDoc("zero", { stock: 0 })),
    products.doc("lamp").set(productDoc("lamp", { status: "draft" })),
    products.doc("old").set(productDoc("old", { status: "archived" })),
    products.doc("euro").set(productDoc("euro", { currency: "EUR" })),
    products.doc("pricey").set(productDoc("pricey", { priceCents: MAX_PRICE_CENTS, stock: 1_000 })),
    products.doc("broken").set({ ...productDoc("broken"), priceCents: "12.50", images: [{ path: 7 }] }),
    ...PLENTY.map((id) => products.doc(id).set(productDoc(id, { stock: 1_000 }))),
  ];
  await Promise.all(writes);
}

/** An order and the world it meets: the store's settings may have changed since it was placed. */
export interface HostileOrder {
  /** The shopper's uid, before the run number that makes it unique. */
  uidPrefix: string;
  items: unknown[];
  shippingAddress: unknown;
  /** config/store's maxUnitsPerProduct when the order is processed; absent: the default (10). */
  maxUnits?: number;
  /** config/store deleted, or made unreadable, after the order was placed. */
  store: "ok" | "missing" | "invalid";
  /** Orders of the shopper already awaiting payment (the cap is 3). */
  openOrders: number;
  /** Why the server must refuse it, for the counterexample. */
  wrong: string[];
}

/** Up to `maxLines` valid lines for plenty-0, plenty-1…, each product once. */
export const plentyLines = (maxLines: number): fc.Arbitrary<OrderItem[]> =>
  validItems(10, maxLines).map((items) =>
    items.map((item, i) => ({ productId: PLENTY[i] ?? "plenty-0", quantity: item.quantity })),
  );

type Change = (order: HostileOrder) => HostileOrder;
const addLine =
  (wrong: string, line: Record<string, unknown>): Change =>
  (order) => ({ ...order, items: [...order.items, line], wrong: [...order.wrong, wrong] });

const unknownId = validProductId.filter((id) => !["mug", "tea", "zero", "lamp", "old", "euro"].includes(id));
const quantity = (min: number, max = 10) => fc.integer({ min, max });

/** Each change alone makes the order wrong for the server. */
const change: fc.Arbitrary<Change> = fc.oneof(
  unknownId.map((productId) => addLine("no such product", { productId: `x-${productId}`, quantity: 1 })),
  fc.constantFrom("lamp", "old").map((productId) => addLine("not for sale", { productId, quantity: 1 })),
  fc
    .oneof(
      quantity(6).map((q) => ({ productId: "mug", quantity: q })),
      quantity(3).map((q) => ({ productId: "tea", quantity: q })),
      quantity(1).map((q) => ({ productId: "zero", quantity: q })),
    )
    .map((line) => addLine("more than in stock", line)),
  fc.constant(addLine("priced in another currency", { productId: "euro", quantity: 1 })),
  quantity(2).map((q) => addLine("total over one payment", { productId: "pricey", quantity: q })),
  fc.constant(addLine("invalid catalog entry", { productId: "broken", quantity: 1 })),
  fc.integer({ min: 1, max: 9 }).map((cap): Change => (order) => ({
    ...addLine("over the lowered cap", { productId: "plenty-19", quantity: cap + 1 })(order),
    maxUnits: cap,
  })),
  fc.constant<Change>((order) => ({ ...order, openOrders: 3, wrong: [...order.wrong, "3 orders open"] })),
  fc.constantFrom("missing", "invalid" as const).map((store): Change => (order) => ({
    ...order,
    store,
    wrong: [...order.wrong, `store settings ${store}`],
  })),
  fc
    .tuple(fc.constantFrom("priceCents", "unitPriceCents", "name", "lineTotalCents"), fc.integer())
    .map(([key, value]) =>
      addLine("a line with a price", { productId: "plenty-18", quantity: 1, [key]: value }),
    ),
  fc
    .tuple(fc.constantFrom("name", "line1", "city", "postalCode"), blankText)
    .map(([key, blank]): Change => (order) => ({
      ...order,
      shippingAddress: { ...(order.shippingAddress as object), [key]: blank },
      wrong: [...order.wrong, `blank ${key}`],
    })),
  // At most 128 characters, as the rules and idSchema count them, but up to 512 bytes.
  fc
    .integer({ min: 65, max: 128 })
    .map((n) => addLine("no such product, 4-byte id", { productId: "\u{1F37A}".repeat(n), quantity: 1 })),
  // Past an Admin SDK writer only (the rules refuse these): the server must hold its own line.
  fc.constant<Change>((order) =>
    addLine("a duplicate line (beyond the rules)", { ...(order.items[0] as object), quantity: 1 })(order),
  ),
  fc
    .oneof(unusableId, notA("string"))
    .map((productId) => addLine("an unusable id (beyond the rules)", { productId, quantity: 1 })),
  fc
    .oneof(intOutside(1, 99), notA("number"))
    .map((q) => addLine("a bad quantity (beyond the rules)", { productId: "plenty-17", quantity: q })),
);

export const hostileOrder: fc.Arbitrary<HostileOrder> = fc
  .tuple(
    fc.oneof(fc.constant("shopper"), validProductId),
    plentyLines(10),
    validAddress,
    fc.array(change, { minLength: 1, maxLength: 2 }),
    fc.nat(),
  )
  .map(([uidPrefix, items, shippingAddress, changes, shuffle]) => {
    const base: HostileOrder = { uidPrefix, items, shippingAddress, store: "ok", openOrders: 0, wrong: [] };
    const order = changes.reduce((current, apply) => apply(current), base);
    // The wrong line anywhere among the others, not always last.
    const at = shuffle % order.items.length;
    const lines = [...order.items];
    const [last] = lines.splice(lines.length - 1, 1);
    lines.splice(at, 0, last);
    return { ...order, items: lines };
  });
