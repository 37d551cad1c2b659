import { describe, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from "firebase/firestore";
import { newProduct, storedProduct } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

const seedSharded = () =>
  h.seed(async (firestore) => {
    await setDoc(doc(firestore, "products/flash"), storedProduct({ stock: 10, stockShards: 2 }));
    await setDoc(doc(firestore, "products/flash/stockShards/0"), { units: 5 });
    await setDoc(doc(firestore, "products/flash/stockShards/1"), { units: 5 });
    await setDoc(doc(firestore, "products/plain"), storedProduct({ stock: 10 }));
  });

describe("a sharded product (functions/src/stock)", () => {
  it("lets an admin edit it from the client like any product, sharding and stock untouched", async () => {
    await seedSharded();
    const flash = doc(db(h.admin()), "products/flash");
    await assertSucceeds(updateDoc(flash, { status: "archived", updatedAt: serverTimestamp() }));
    await assertSucceeds(getDoc(flash));
  });

  it("refuses a client that shards a product, reshards it or changes a sharded product's stock", async () => {
    await seedSharded();
    const admin = db(h.admin());
    const at = { updatedAt: serverTimestamp() };
    await assertFails(updateDoc(doc(admin, "products/flash"), { stock: 50, ...at }));
    await assertFails(updateDoc(doc(admin, "products/flash"), { stockShards: 4, ...at }));
    await assertFails(updateDoc(doc(admin, "products/plain"), { stockShards: 2, ...at }));
    await assertFails(setDoc(doc(admin, "products/new"), newProduct({ stockShards: 2 })));
  });

  it("still lets an admin set an unsharded product's stock from the client", async () => {
    await seedSharded();
    await assertSucceeds(
      updateDoc(doc(db(h.admin()), "products/plain"), { stock: 3, updatedAt: serverTimestamp() }),
    );
  });
});

describe("stock shards", () => {
  it("can be read and listed by admins only", async () => {
    await seedSharded();
    await assertSucceeds(getDoc(doc(db(h.admin()), "products/flash/stockShards/0")));
    await assertSucceeds(getDocs(collection(db(h.admin()), "products/flash/stockShards")));
    for (const context of [h.shopper("alice"), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), "products/flash/stockShards/0")));
      await assertFails(getDocs(collection(db(context), "products/flash/stockShards")));
    }
  });

  it("cannot be written by any client, admins included", async () => {
    await seedSharded();
    for (const context of [h.admin(), h.shopper("alice"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, "products/flash/stockShards/2"), { units: 99 }));
      await assertFails(updateDoc(doc(firestore, "products/flash/stockShards/0"), { units: 99 }));
      await assertFails(deleteDoc(doc(firestore, "products/flash/stockShards/1")));
    }
  });
});

describe("the functions' own bookkeeping for a hot product", () => {
  it.each([
    ["stockSync/flash", { dueAt: serverTimestamp() }],
    ["reservationLocks/alice", { orderId: "o1", at: serverTimestamp() }],
  ])("keeps %s from every client", async (path, data) => {
    await h.seed((firestore) => setDoc(doc(firestore, path), data));
    for (const context of [h.admin(), h.shopper("alice"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(getDoc(doc(firestore, path)));
      await assertFails(setDoc(doc(firestore, path), data));
      await assertFails(deleteDoc(doc(firestore, path)));
    }
  });
});
