import { describe, expect, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { categorySchema, storeConfigSchema } from "@hearth/domain";
import { category, compact, storeConfig } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

describe("categories", () => {
  it("lets anyone, signed out too, read and list categories", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "categories/kitchen"), category()));
    await assertSucceeds(getDoc(doc(db(h.signedOut()), "categories/kitchen")));
    await assertSucceeds(getDocs(collection(db(h.signedOut()), "categories")));
  });

  it("lets an admin create, update and delete a category", async () => {
    const ref = doc(db(h.admin()), "categories/kitchen");
    await assertSucceeds(setDoc(ref, category()));
    await assertSucceeds(updateDoc(ref, { position: 3, name: "Kitchen & dining" }));
    await assertSucceeds(deleteDoc(ref));
  });

  it("denies category writes to shoppers and signed-out visitors", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "categories/kitchen"), category()));
    for (const context of [h.signedOut(), h.shopper()]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, "categories/garden"), category({ slug: "garden" })));
      await assertFails(updateDoc(doc(firestore, "categories/kitchen"), { position: 9 }));
      await assertFails(deleteDoc(doc(firestore, "categories/kitchen")));
    }
  });

  const invalid: [string, DocumentData][] = [
    ["an extra field", { hidden: true }],
    ["no position", { position: undefined }],
    ["an empty name", { name: "" }],
    ["a name of spaces", { name: "   " }],
    ["a 61-character name", { name: "x".repeat(61) }],
    ["an uppercase slug", { slug: "Kitchen" }],
    ["a slug that is not a string", { slug: 7 }],
    ["a negative position", { position: -1 }],
    ["a fractional position", { position: 0.5 }],
  ];

  it.each(invalid)("rejects an admin category write with %s", async (_label, overrides) => {
    await assertFails(setDoc(doc(db(h.admin()), "categories/kitchen"), compact(category(overrides))));
  });

  it.each(invalid.filter(([label]) => !label.includes("extra")))(
    "agrees with categorySchema on %s",
    (_label, overrides) => {
      expect(categorySchema.safeParse(compact(category(overrides))).success).toBe(false);
    },
  );
});

describe("config/store", () => {
  it("lets anyone, signed out too, read the store config", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "config/store"), storeConfig()));
    await assertSucceeds(getDoc(doc(db(h.signedOut()), "config/store")));
  });

  it("keeps any other config document private", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "config/secrets"), { stripeKey: "sk_test" }));
    await assertFails(getDoc(doc(db(h.signedOut()), "config/secrets")));
    await assertFails(getDoc(doc(db(h.admin()), "config/secrets")));
    await assertFails(setDoc(doc(db(h.admin()), "config/other"), storeConfig()));
  });

  it("lets an admin write the store config, with or without free shipping", async () => {
    const ref = doc(db(h.admin()), "config/store");
    await assertSucceeds(setDoc(ref, storeConfig()));
    await assertSucceeds(updateDoc(ref, { shipping: { flatCents: 0, freeOverCents: null } }));
    await assertSucceeds(updateDoc(ref, { lowStockThreshold: 0, storeName: "Hearth & Home" }));
  });

  it("takes the order limits within their bounds, or none (the defaults apply)", async () => {
    const ref = doc(db(h.admin()), "config/store");
    await assertSucceeds(setDoc(ref, storeConfig({ maxOpenOrdersPerAccount: 1, maxUnitsPerProduct: 1 })));
    await assertSucceeds(setDoc(ref, storeConfig({ maxOpenOrdersPerAccount: 100, maxUnitsPerProduct: 99 })));
    await assertSucceeds(updateDoc(ref, { maxUnitsPerProduct: 10 }));
    await assertSucceeds(setDoc(ref, storeConfig()));
  });

  it.each(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "America/Port-au-Prince"])(
    "takes the time zone %s, or none (UTC applies)",
    async (timeZone) => {
      const ref = doc(db(h.admin()), "config/store");
      await assertSucceeds(setDoc(ref, storeConfig({ timeZone })));
      expect(storeConfigSchema.parse(storeConfig({ timeZone })).timeZone).toBe(timeZone);
      await assertSucceeds(setDoc(ref, storeConfig()));
      expect(storeConfigSchema.parse(storeConfig()).timeZone).toBe("UTC");
    },
  );

  it("denies config writes to shoppers and signed-out visitors, and deletes to everyone", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "config/store"), storeConfig()));
    await assertFails(setDoc(doc(db(h.signedOut()), "config/store"), storeConfig()));
    await assertFails(
      updateDoc(doc(db(h.shopper()), "config/store"), { shipping: { flatCents: 0, freeOverCents: 0 } }),
    );
    await assertFails(deleteDoc(doc(db(h.admin()), "config/store")));
  });

  const invalid: [string, DocumentData][] = [
    ["an extra field", { taxRate: 20 }],
    ["no shipping", { shipping: undefined }],
    ["an empty store name", { storeName: "" }],
    ["a store name of spaces", { storeName: " \u00a0 " }],
    ["an 81-character store name", { storeName: "x".repeat(81) }],
    ["a lowercase currency", { currency: "eur" }],
    ["shipping that is not a map", { shipping: 490 }],
    ["an extra shipping field", { shipping: { flatCents: 490, freeOverCents: null, express: 900 } }],
    ["shipping without freeOverCents", { shipping: { flatCents: 490 } }],
    ["a negative flat rate", { shipping: { flatCents: -1, freeOverCents: null } }],
    ["a fractional flat rate", { shipping: { flatCents: 4.9, freeOverCents: null } }],
    ["a negative free-shipping threshold", { shipping: { flatCents: 490, freeOverCents: -1 } }],
    ["a free-shipping threshold given as a string", { shipping: { flatCents: 490, freeOverCents: "5000" } }],
    ["a negative low-stock threshold", { lowStockThreshold: -1 }],
    ["a low-stock threshold given as a string", { lowStockThreshold: "3" }],
    ["no open orders allowed", { maxOpenOrdersPerAccount: 0 }],
    ["101 open orders per account", { maxOpenOrdersPerAccount: 101 }],
    ["open orders per account given as a string", { maxOpenOrdersPerAccount: "3" }],
    ["0 units per product", { maxUnitsPerProduct: 0 }],
    ["100 units per product", { maxUnitsPerProduct: 100 }],
    ["a fractional unit cap", { maxUnitsPerProduct: 2.5 }],
    ["an empty time zone", { timeZone: "" }],
    ["a time zone with a space", { timeZone: "Europe/Le Havre" }],
    ["a time zone ending in a slash", { timeZone: "Europe/" }],
    ["a time zone going up a folder", { timeZone: "../Paris" }],
    ["a time zone of four parts", { timeZone: "A/B/C/D" }],
    ["a 65-character time zone", { timeZone: `Europe/${"x".repeat(58)}` }],
    ["a time zone given as a number", { timeZone: 1 }],
  ];

  it.each(invalid)("rejects an admin config write with %s", async (_label, overrides) => {
    await assertFails(setDoc(doc(db(h.admin()), "config/store"), compact(storeConfig(overrides))));
  });

  it.each(invalid.filter(([label]) => !label.includes("extra")))(
    "agrees with storeConfigSchema on %s",
    (_label, overrides) => {
      expect(storeConfigSchema.safeParse(compact(storeConfig(overrides))).success).toBe(false);
    },
  );
});
