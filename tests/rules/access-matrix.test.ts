// Issue 9, "Access", through firestore.rules: every line names an attempt and the only callers it
// may succeed for; every other caller in CALLERS (another shopper, forged and revoked admin claims,
// signed-out visitors, and admins where they have no business) must be refused.
import { beforeEach, describe, it } from "vitest";
import {
  Timestamp,
  addDoc,
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  serverTimestamp,
  setDoc,
  updateDoc,
  where,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import {
  ORDER_OF_ALICE,
  attempt,
  expectOnly,
  seedFirestoreWorld,
  type Attempt,
  type Caller,
} from "./access-world";
import { newOrder, newProduct, pricedOrder } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();
beforeEach(() => h.seed(seedFirestoreWorld));

type Line = Attempt<Firestore>;
const line = (what: string, allowed: readonly Caller[], act: (fs: Firestore) => Promise<unknown>): Line =>
  attempt(what, allowed, act);
const run = (lines: Line[]) =>
  it.each(lines)("$title", async (candidate) => {
    await expectOnly(h, candidate, db);
  });

const get = (path: string) => (fs: Firestore) => getDoc(doc(fs, path));
const list = (path: string) => (fs: Firestore) => getDocs(collection(fs, path));
const group = (id: string) => (fs: Firestore) => getDocs(collectionGroup(fs, id));
const update = (path: string, data: DocumentData) => (fs: Firestore) => updateDoc(doc(fs, path), data);
const set = (path: string, data: DocumentData) => (fs: Firestore) => setDoc(doc(fs, path), data);
const remove = (path: string) => (fs: Firestore) => deleteDoc(doc(fs, path));
const orders = (fs: Firestore) => collection(fs, "orders");
const server = serverTimestamp;

describe("another shopper's orders", () => {
  run([
    line("get orders/o-alice", ["alice", "admin"], get(ORDER_OF_ALICE)),
    line("list orders without a filter", ["admin"], (fs) => getDocs(orders(fs))),
    line("list orders where uid == alice", ["alice", "admin"], (fs) =>
      getDocs(query(orders(fs), where("uid", "==", "alice"))),
    ),
    line("list orders where status == pending (no uid filter)", ["admin"], (fs) =>
      getDocs(query(orders(fs), where("status", "==", "pending"))),
    ),
    line("list orders where uid in [alice, bob]", ["admin"], (fs) =>
      getDocs(query(orders(fs), where("uid", "in", ["alice", "bob"]))),
    ),
    line("list orders/o-alice/events", ["alice", "admin"], list("orders/o-alice/events")),
    line("query every order's events (collection group)", [], group("events")),
    line("place an order in alice's name", ["alice"], set("orders/o-new", newOrder("alice"))),
    line(
      "cancel orders/o-alice",
      ["alice"],
      update(ORDER_OF_ALICE, {
        status: "cancelled",
        cancelledAt: server(),
        updatedAt: server(),
      }),
    ),
    line("delete orders/o-alice", [], remove(ORDER_OF_ALICE)),
  ]);
});

describe("another shopper's cart", () => {
  run([
    line("get users/alice/cart/mug", ["alice"], get("users/alice/cart/mug")),
    line("list users/alice/cart", ["alice"], list("users/alice/cart")),
    line("query every cart (collection group)", [], group("cart")),
    line(
      "add users/alice/cart/plate",
      ["alice"],
      set("users/alice/cart/plate", { quantity: 1, addedAt: server() }),
    ),
    line("change users/alice/cart/mug", ["alice"], update("users/alice/cart/mug", { quantity: 5 })),
    line("delete users/alice/cart/mug", ["alice"], remove("users/alice/cart/mug")),
  ]);
});

describe("another shopper's notifications and profile", () => {
  const fake = { title: "Refund issued", body: "", orderId: null, read: false, createdAt: server() };
  run([
    line("get users/alice/notifications/n1", ["alice"], get("users/alice/notifications/n1")),
    line("list users/alice/notifications", ["alice"], list("users/alice/notifications")),
    line("query every notification (collection group)", [], group("notifications")),
    line(
      "mark users/alice/notifications/n1 read",
      ["alice"],
      update("users/alice/notifications/n1", { read: true }),
    ),
    line("add a notification for alice", [], (fs) =>
      addDoc(collection(fs, "users/alice/notifications"), fake),
    ),
    line("delete users/alice/notifications/n1", [], remove("users/alice/notifications/n1")),
    line("get users/alice", ["alice"], get("users/alice")),
    line("list users", [], list("users")),
    line("rename users/alice", ["alice"], update("users/alice", { displayName: "Hacked" })),
    line("delete users/alice", [], remove("users/alice")),
  ]);
});

describe("escalating to admin", () => {
  const record = { email: "alice@example.com", grantedAt: server(), grantedBy: null, source: "callable" };
  run([
    line("set admin: true on users/alice", [], update("users/alice", { admin: true })),
    line("set role: admin on users/alice", [], update("users/alice", { role: "admin" })),
    line("register admins/alice", [], set("admins/alice", record)),
  ]);
});

describe("prices, stock and payment fields", () => {
  const pennyLines = pricedOrder("alice", "pending").lines.map((entry: DocumentData) => ({
    ...entry,
    unitPriceCents: 1,
    lineTotalCents: entry.quantity,
  }));
  // The owner may only cancel; none of these is a cancel, so nobody may write them from a client.
  const orderFields: [string, DocumentData][] = [
    ["totalCents", { totalCents: 1 }],
    ["subtotalCents", { subtotalCents: 1 }],
    ["shippingCents", { shippingCents: 0 }],
    ["lines (unit prices)", { lines: pennyLines }],
    ["currency", { currency: "JPY" }],
    ["payment", { payment: { provider: "fake", sessionId: "cs_1", status: "paid" } }],
    ["payment.refundedCents", { "payment.refundedCents": 0 }],
    ["status paid", { status: "paid", updatedAt: server() }],
    ["status awaiting_payment", { status: "awaiting_payment", updatedAt: server() }],
    ["paidAt", { paidAt: server() }],
    ["expiresAt", { expiresAt: Timestamp.fromDate(new Date("2100-01-01T00:00:00Z")) }],
    ["items", { items: [{ productId: "mug", quantity: 9 }] }],
    ["uid (hand it to bob)", { uid: "bob" }],
    [
      "totalCents within a cancel",
      { status: "cancelled", cancelledAt: server(), updatedAt: server(), totalCents: 0 },
    ],
  ];
  run(
    orderFields.map(([field, data]) =>
      line(`change ${field} of orders/o-alice`, [], update(ORDER_OF_ALICE, data)),
    ),
  );

  run([
    line(
      "place an order that is already paid",
      [],
      set("orders/o-new", newOrder("alice", { status: "paid" })),
    ),
    line("place an order with its own total", [], set("orders/o-new", newOrder("alice", { totalCents: 1 }))),
    line(
      "change priceCents of products/mug",
      ["admin"],
      update("products/mug", { priceCents: 1, updatedAt: server() }),
    ),
    line(
      "change stock of products/mug",
      ["admin"],
      update("products/mug", { stock: 9999, updatedAt: server() }),
    ),
    line(
      "change status of products/mug",
      ["admin"],
      update("products/mug", { status: "draft", updatedAt: server() }),
    ),
    line("create products/new", ["admin"], set("products/new", newProduct())),
    line("delete products/mug", ["admin"], remove("products/mug")),
    line(
      "put a price on a cart line",
      [],
      set("users/alice/cart/mug", { quantity: 1, addedAt: server(), priceCents: 1 }),
    ),
    line(
      "change the shipping in config/store",
      ["admin"],
      update("config/store", { shipping: { flatCents: 0, freeOverCents: 0 } }),
    ),
  ]);
});

// Written by functions through the Admin SDK (or, productSlugs, by adminSaveProduct alone).
describe.each([
  ["webhookEvents/evt_1", []],
  ["productSlugs/blue-mug", []],
  ["config/secrets", []],
  ["triggerFailures/t1", ["admin"]],
  ["mail/o-alice_paid", ["admin"]],
  ["admins/root", ["admin"]],
  ["refunds/o-bob_500", ["admin"]],
  ["reports/2026-01-31", ["admin"]],
  ["products/mug/imageErrors/i1", ["admin"]],
] satisfies [string, Caller[]][])("functions-only %s", (path, readers) => {
  const folder = path.slice(0, path.lastIndexOf("/"));
  // Admins dismiss refused uploads; nothing else here is deleted from a client.
  const deleters: Caller[] = folder.endsWith("imageErrors") ? ["admin"] : [];
  run([
    line(`get ${path}`, readers, get(path)),
    line(`list ${folder}`, folder === "config" ? [] : readers, list(folder)),
    line(`create ${folder}/new`, [], set(`${folder}/new`, { forged: true })),
    line(`change ${path}`, [], update(path, { forged: true })),
    line(`delete ${path}`, deleters, remove(path)),
  ]);
});
