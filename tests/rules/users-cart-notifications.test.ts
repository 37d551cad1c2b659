import { describe, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  addDoc,
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { address, compact, newUser, past } from "./fixtures";
import { db, emailOf, useRulesEnv } from "./setup";

const h = useRulesEnv();
const storedUser = newUser(emailOf("alice"), { createdAt: past });

describe("users/{uid}", () => {
  it("lets a shopper create, read and update their own profile", async () => {
    const ref = doc(db(h.shopper("alice")), "users/alice");
    await assertSucceeds(setDoc(ref, newUser(emailOf("alice"))));
    await assertSucceeds(getDoc(ref));
    await assertSucceeds(updateDoc(ref, { displayName: "Alice M.", defaultAddress: address() }));
    await assertSucceeds(updateDoc(ref, { defaultAddress: compact(address({ line2: undefined })) }));
    await assertSucceeds(updateDoc(ref, { defaultAddress: null }));
  });

  it("accepts a profile without an email for an account that has none", async () => {
    const phoneUser = h.shopper("bob", {});
    await assertSucceeds(setDoc(doc(db(phoneUser), "users/bob"), compact(newUser("", { email: undefined }))));
  });

  it("keeps a profile away from other shoppers, admins and signed-out visitors", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "users/alice"), storedUser));
    for (const context of [h.shopper("bob"), h.admin(), h.signedOut()]) {
      const ref = doc(db(context), "users/alice");
      await assertFails(getDoc(ref));
      await assertFails(updateDoc(ref, { displayName: "Hacked" }));
    }
    await assertFails(setDoc(doc(db(h.shopper("bob")), "users/alice"), newUser(emailOf("bob"))));
  });

  it("never lets a profile be deleted, not even by its owner", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "users/alice"), storedUser));
    await assertFails(deleteDoc(doc(db(h.shopper("alice")), "users/alice")));
  });

  it("keeps createdAt fixed once set", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "users/alice"), storedUser));
    await assertFails(
      updateDoc(doc(db(h.shopper("alice")), "users/alice"), { createdAt: serverTimestamp() }),
    );
  });

  it("rejects an email when the account has none", async () => {
    await assertFails(setDoc(doc(db(h.shopper("bob", {})), "users/bob"), newUser(emailOf("bob"))));
  });

  const invalid: [string, DocumentData][] = [
    ["an admin flag", { admin: true }],
    ["a role", { role: "admin" }],
    ["no displayName", { displayName: undefined }],
    ["an 81-character displayName", { displayName: "x".repeat(81) }],
    ["a displayName that is not a string", { displayName: 7 }],
    ["someone else's email", { email: emailOf("bob") }],
    ["an email that is not a string", { email: 7 }],
    ["a client-chosen createdAt", { createdAt: past }],
    ["no defaultAddress", { defaultAddress: undefined }],
    ["an address that is not a map", { defaultAddress: "1 Rue de Rivoli, Paris" }],
    ["an address with an extra field", { defaultAddress: address({ phone: "+33" }) }],
    ["an address without a city", { defaultAddress: compact(address({ city: undefined })) }],
    ["an address with an empty name", { defaultAddress: address({ name: "" }) }],
    ["an address with a 201-character line1", { defaultAddress: address({ line1: "x".repeat(201) }) }],
    ["an address with a 201-character line2", { defaultAddress: address({ line2: "x".repeat(201) }) }],
    ["an address with an empty city", { defaultAddress: address({ city: "" }) }],
    [
      "an address with a 21-character postal code",
      { defaultAddress: address({ postalCode: "1".repeat(21) }) },
    ],
    ["an address with a 3-letter country", { defaultAddress: address({ country: "FRA" }) }],
    ["an address with a lowercase country", { defaultAddress: address({ country: "fr" }) }],
  ];

  it.each(invalid)("rejects a profile with %s", async (_label, overrides) => {
    const profile = compact(newUser(emailOf("alice"), overrides));
    await assertFails(setDoc(doc(db(h.shopper("alice")), "users/alice"), profile));
  });

  it("rejects an update that slips in an admin flag", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "users/alice"), storedUser));
    await assertFails(updateDoc(doc(db(h.shopper("alice")), "users/alice"), { admin: true }));
  });
});

describe("users/{uid}/cart", () => {
  const line = (quantity: unknown = 2): DocumentData => ({ quantity, addedAt: serverTimestamp() });

  it("lets a shopper add, change, read, list and remove their own cart lines", async () => {
    const firestore = db(h.shopper("alice"));
    const ref = doc(firestore, "users/alice/cart/mug");
    await assertSucceeds(setDoc(ref, line(1)));
    await assertSucceeds(updateDoc(ref, { quantity: 99 }));
    await assertSucceeds(getDoc(ref));
    await assertSucceeds(getDocs(collection(firestore, "users/alice/cart")));
    await assertSucceeds(deleteDoc(ref));
  });

  it("keeps a cart away from other shoppers and signed-out visitors", async () => {
    await h.seed((firestore) =>
      setDoc(doc(firestore, "users/alice/cart/mug"), { quantity: 1, addedAt: past }),
    );
    for (const context of [h.shopper("bob"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(getDoc(doc(firestore, "users/alice/cart/mug")));
      await assertFails(getDocs(collection(firestore, "users/alice/cart")));
      await assertFails(setDoc(doc(firestore, "users/alice/cart/plate"), line()));
      await assertFails(updateDoc(doc(firestore, "users/alice/cart/mug"), { quantity: 5 }));
      await assertFails(deleteDoc(doc(firestore, "users/alice/cart/mug")));
    }
  });

  const invalid: [string, DocumentData][] = [
    ["quantity 0", line(0)],
    ["quantity 100", line(100)],
    ["a fractional quantity", line(1.5)],
    ["a quantity given as a string", line("2")],
    ["a price", { ...line(), priceCents: 1 }],
    ["no addedAt", { quantity: 1 }],
    ["an addedAt that is not a timestamp", { quantity: 1, addedAt: "today" }],
  ];

  it.each(invalid)("rejects a cart line with %s", async (_label, data) => {
    await assertFails(setDoc(doc(db(h.shopper("alice")), "users/alice/cart/mug"), data));
  });
});

describe("users/{uid}/notifications", () => {
  const seedNotification = () =>
    h.seed((firestore) =>
      setDoc(doc(firestore, "users/alice/notifications/n1"), {
        title: "Your order shipped",
        body: "It is on its way.",
        orderId: "o1",
        read: false,
        createdAt: past,
      }),
    );

  it("lets a shopper read their notifications and mark one read", async () => {
    await seedNotification();
    const firestore = db(h.shopper("alice"));
    await assertSucceeds(getDoc(doc(firestore, "users/alice/notifications/n1")));
    await assertSucceeds(getDocs(collection(firestore, "users/alice/notifications")));
    await assertSucceeds(updateDoc(doc(firestore, "users/alice/notifications/n1"), { read: true }));
  });

  it("lets the owner change nothing but a boolean read flag", async () => {
    await seedNotification();
    const ref = doc(db(h.shopper("alice")), "users/alice/notifications/n1");
    await assertFails(updateDoc(ref, { title: "Refund issued" }));
    await assertFails(updateDoc(ref, { read: true, orderId: "o2" }));
    await assertFails(updateDoc(ref, { read: "yes" }));
  });

  it("lets no client create or delete a notification", async () => {
    await seedNotification();
    const firestore = db(h.shopper("alice"));
    const fake = { title: "Free money", body: "", orderId: null, read: false, createdAt: serverTimestamp() };
    await assertFails(addDoc(collection(firestore, "users/alice/notifications"), fake));
    await assertFails(addDoc(collection(db(h.admin()), "users/alice/notifications"), fake));
    await assertFails(deleteDoc(doc(firestore, "users/alice/notifications/n1")));
  });

  it("keeps notifications away from other shoppers and signed-out visitors", async () => {
    await seedNotification();
    for (const context of [h.shopper("bob"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(getDoc(doc(firestore, "users/alice/notifications/n1")));
      await assertFails(getDocs(collection(firestore, "users/alice/notifications")));
      await assertFails(updateDoc(doc(firestore, "users/alice/notifications/n1"), { read: true }));
    }
  });
});
