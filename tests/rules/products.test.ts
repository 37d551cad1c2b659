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
import { compact, image, newProduct, past, storedProduct } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

const seedCatalog = () =>
  h.seed(async (firestore) => {
    await setDoc(doc(firestore, "products/active"), storedProduct());
    await setDoc(doc(firestore, "products/draft"), storedProduct({ status: "draft" }));
    await setDoc(doc(firestore, "products/archived"), storedProduct({ status: "archived" }));
  });

describe("reading products", () => {
  it("lets anyone, signed out too, read an active product", async () => {
    await seedCatalog();
    await assertSucceeds(getDoc(doc(db(h.signedOut()), "products/active")));
    await assertSucceeds(getDoc(doc(db(h.shopper()), "products/active")));
  });

  it.each(["draft", "archived"])("hides a %s product from shoppers and signed-out visitors", async (id) => {
    await seedCatalog();
    await assertFails(getDoc(doc(db(h.signedOut()), `products/${id}`)));
    await assertFails(getDoc(doc(db(h.shopper()), `products/${id}`)));
  });

  it("lets admins read drafts and archived products", async () => {
    await seedCatalog();
    await assertSucceeds(getDoc(doc(db(h.admin()), "products/draft")));
    await assertSucceeds(getDoc(doc(db(h.admin()), "products/archived")));
  });

  it("lets shoppers list products only with a status == active filter", async () => {
    await seedCatalog();
    const products = collection(db(h.signedOut()), "products");
    await assertSucceeds(getDocs(query(products, where("status", "==", "active"))));
    await assertFails(getDocs(products));
    await assertFails(getDocs(query(products, where("status", "==", "draft"))));
  });

  it("lets admins list every product", async () => {
    await seedCatalog();
    await assertSucceeds(getDocs(collection(db(h.admin()), "products")));
  });
});

describe("writing products", () => {
  it("lets an admin create, update and delete a product", async () => {
    const product = doc(db(h.admin()), "products/mug");
    await assertSucceeds(setDoc(product, newProduct({ images: Array.from({ length: 10 }, () => image()) })));
    await assertSucceeds(updateDoc(product, { priceCents: 2200, stock: 0, updatedAt: serverTimestamp() }));
    await assertSucceeds(deleteDoc(product));
  });

  it("accepts a product without images, tags or description", async () => {
    await assertSucceeds(
      setDoc(doc(db(h.admin()), "products/bare"), newProduct({ images: [], tags: [], description: "" })),
    );
  });

  it("denies every write to shoppers and signed-out visitors", async () => {
    await seedCatalog();
    for (const context of [h.signedOut(), h.shopper()]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, "products/new"), newProduct()));
      await assertFails(
        updateDoc(doc(firestore, "products/active"), { priceCents: 1, updatedAt: serverTimestamp() }),
      );
      await assertFails(
        updateDoc(doc(firestore, "products/active"), { stock: 9999, updatedAt: serverTimestamp() }),
      );
      await assertFails(deleteDoc(doc(firestore, "products/active")));
    }
  });

  it("does not take an admin claim that is not exactly true", async () => {
    const forged = h.shopper("mallory", { email: "mallory@example.com", admin: "true" });
    await assertFails(setDoc(doc(db(forged), "products/new"), newProduct()));
  });

  it("requires createdAt to be the server time on create and unchanged on update", async () => {
    const firestore = db(h.admin());
    await assertFails(setDoc(doc(firestore, "products/new"), newProduct({ createdAt: past })));
    await seedCatalog();
    await assertFails(
      updateDoc(doc(firestore, "products/active"), {
        createdAt: serverTimestamp(),
        updatedAt: serverTimestamp(),
      }),
    );
    await assertFails(updateDoc(doc(firestore, "products/active"), { priceCents: 2000 }));
  });

  const tooMany = (count: number, value: unknown): unknown[] => Array.from({ length: count }, () => value);
  const invalid: [string, DocumentData][] = [
    ["an extra field", { featured: true }],
    ["a missing field", { slug: undefined }],
    ["an empty name", { name: "" }],
    ["a 121-character name", { name: "x".repeat(121) }],
    ["a non-string name", { name: 42 }],
    ["a slug with spaces", { slug: "Blue Mug" }],
    ["a 5001-character description", { description: "x".repeat(5001) }],
    ["a price of 0", { priceCents: 0 }],
    ["a fractional price", { priceCents: 17.5 }],
    ["a price given as a string", { priceCents: "1800" }],
    ["a lowercase currency", { currency: "eur" }],
    ["a 4-letter currency", { currency: "EURO" }],
    ["an empty categoryId", { categoryId: "" }],
    ["tags that are not a list", { tags: "mug" }],
    ["21 tags", { tags: tooMany(21, "tag") }],
    ["an unknown status", { status: "deleted" }],
    ["negative stock", { stock: -1 }],
    ["fractional stock", { stock: 1.5 }],
    ["images that are not a list", { images: {} }],
    ["11 images", { images: tooMany(11, image()) }],
    ["201 search tokens", { searchTokens: tooMany(201, "mu") }],
    ["searchTokens that are not a list", { searchTokens: "mug" }],
    ["a client-chosen updatedAt", { updatedAt: Timestamp.now() }],
    ["a createdAt that is not a timestamp", { createdAt: "2025-01-01" }],
  ];

  it.each(invalid)("rejects an admin write with %s", async (_label, overrides) => {
    await assertFails(setDoc(doc(db(h.admin()), "products/new"), compact(newProduct(overrides))));
  });
});
