import { describe, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  Timestamp,
  collection,
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
} from "firebase/firestore";
import { orderStatuses, type OrderStatus } from "@hearth/domain";
import { address, pricedOrder } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

const SHOPPER_CANCELLABLE: readonly OrderStatus[] = ["pending", "awaiting_payment"];

const seedOrder = (id: string, uid: string, status: string) =>
  h.seed((firestore) => setDoc(doc(firestore, `orders/${id}`), pricedOrder(uid, status)));

const cancel = (extra: DocumentData = {}): DocumentData => ({
  status: "cancelled",
  cancelledAt: serverTimestamp(),
  updatedAt: serverTimestamp(),
  ...extra,
});

describe("reading orders", () => {
  it("lets the owner and admins read an order, nobody else", async () => {
    await seedOrder("o1", "alice", "paid");
    await assertSucceeds(getDoc(doc(db(h.shopper("alice")), "orders/o1")));
    await assertSucceeds(getDoc(doc(db(h.admin()), "orders/o1")));
    await assertFails(getDoc(doc(db(h.shopper("bob")), "orders/o1")));
    await assertFails(getDoc(doc(db(h.signedOut()), "orders/o1")));
  });

  it("lets a shopper list only their own orders, and admins list all", async () => {
    await seedOrder("o1", "alice", "paid");
    await seedOrder("o2", "bob", "pending");
    const orders = collection(db(h.shopper("alice")), "orders");
    await assertSucceeds(getDocs(query(orders, where("uid", "==", "alice"))));
    await assertFails(getDocs(query(orders, where("uid", "==", "bob"))));
    await assertFails(getDocs(orders));
    await assertSucceeds(getDocs(collection(db(h.admin()), "orders")));
  });
});

describe("cancelling an order", () => {
  it.each(SHOPPER_CANCELLABLE)("lets the owner cancel a %s order", async (status) => {
    await seedOrder("o1", "alice", status);
    await assertSucceeds(updateDoc(doc(db(h.shopper("alice")), "orders/o1"), cancel()));
  });

  // payment_processing included: the bank holds the shopper's money; only its answer ends the order.
  it.each(orderStatuses.filter((status) => !SHOPPER_CANCELLABLE.includes(status)))(
    "does not let the owner cancel a %s order",
    async (status) => {
      await seedOrder("o1", "alice", status);
      await assertFails(updateDoc(doc(db(h.shopper("alice")), "orders/o1"), cancel()));
    },
  );

  it("leaves cancelling to the owner: not another shopper, an admin client or a visitor", async () => {
    await seedOrder("o1", "alice", "pending");
    for (const context of [h.shopper("bob"), h.admin(), h.signedOut()]) {
      await assertFails(updateDoc(doc(db(context), "orders/o1"), cancel()));
    }
  });

  const tampered: [string, DocumentData][] = [
    ["changes the total", cancel({ totalCents: 1 })],
    ["changes the payment", cancel({ payment: { provider: "fake", status: "succeeded" } })],
    ["changes the address", cancel({ shippingAddress: address({ city: "Lyon" }) })],
    ["sets no cancelledAt", { status: "cancelled", updatedAt: serverTimestamp() }],
    ["sets a client-chosen cancelledAt", cancel({ cancelledAt: Timestamp.now() })],
    ["sets no updatedAt", { status: "cancelled", cancelledAt: serverTimestamp() }],
    ["sets a client-chosen updatedAt", cancel({ updatedAt: Timestamp.now() })],
  ];

  it.each(tampered)("rejects a cancel that %s", async (_label, data) => {
    await seedOrder("o1", "alice", "pending");
    await assertFails(updateDoc(doc(db(h.shopper("alice")), "orders/o1"), data));
  });

  it.each(["paid", "awaiting_payment", "payment_processing", "shipped", "refunded"])(
    "does not let the owner move an order to %s",
    async (to) => {
      await seedOrder("o1", "alice", "pending");
      await assertFails(updateDoc(doc(db(h.shopper("alice")), "orders/o1"), cancel({ status: to })));
    },
  );

  it("does not let the owner edit an order without cancelling it", async () => {
    await seedOrder("o1", "alice", "pending");
    await assertFails(
      updateDoc(doc(db(h.shopper("alice")), "orders/o1"), { shippingAddress: address({ city: "Lyon" }) }),
    );
  });
});

describe("deleting an order", () => {
  it("is denied to everyone", async () => {
    await seedOrder("o1", "alice", "pending");
    for (const context of [h.shopper("alice"), h.admin(), h.shopper("bob"), h.signedOut()]) {
      await assertFails(deleteDoc(doc(db(context), "orders/o1")));
    }
  });
});
