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
} from "firebase/firestore";
import { past, pricedOrder } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();

describe("webhookEvents (functions only)", () => {
  const event = { type: "checkout.session.completed", orderId: "o1", receivedAt: past, outcome: "applied" };

  it("cannot be read, listed or written by any client, admins included", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "webhookEvents/e1"), event));
    for (const context of [h.admin(), h.shopper("alice"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(getDoc(doc(firestore, "webhookEvents/e1")));
      await assertFails(getDocs(collection(firestore, "webhookEvents")));
      await assertFails(setDoc(doc(firestore, "webhookEvents/e2"), event));
      await assertFails(updateDoc(doc(firestore, "webhookEvents/e1"), { orderId: "o2" }));
      await assertFails(deleteDoc(doc(firestore, "webhookEvents/e1")));
    }
  });
});

// Written by functions through the Admin SDK; the back office reads them.
describe.each([
  [
    "triggerFailures",
    "onOrderCreated_o1",
    {
      trigger: "onOrderCreated",
      orderId: "o1",
      status: null,
      kind: "permanent",
      detail: "STRIPE_SECRET_KEY is not set",
      settlement: "rejected",
      eventTime: null,
      recordedAt: past,
    },
  ],
  [
    "reports",
    "2026-01-31",
    { date: "2026-01-31", timeZone: "Europe/Paris", currency: "EUR", orderCount: 3, generatedAt: past },
  ],
  [
    "mail",
    "o1_paid",
    {
      to: "alice@example.com",
      message: { subject: "Receipt", text: "Thanks", html: "<p>Thanks</p>" },
      createdAt: past,
      delivery: { state: "SUCCESS", attempts: 1 },
    },
  ],
  ["admins", "root", { email: "root@example.com", grantedAt: past, grantedBy: null, source: "make-admin" }],
  ["refunds", "o1_500", { orderId: "o1", amountCents: 500, refundedCents: 500, currency: "EUR", at: past }],
])("%s (admins read, functions write)", (name, id, data) => {
  const seedOne = () => h.seed((firestore) => setDoc(doc(firestore, `${name}/${id}`), data));

  it("lets admins read and list them", async () => {
    await seedOne();
    await assertSucceeds(getDoc(doc(db(h.admin()), `${name}/${id}`)));
    await assertSucceeds(getDocs(collection(db(h.admin()), name)));
  });

  it("keeps them from shoppers, forged admin claims and signed-out visitors", async () => {
    await seedOne();
    for (const context of [h.shopper("alice"), h.shopper("mallory", { admin: "true" }), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), `${name}/${id}`)));
      await assertFails(getDocs(collection(db(context), name)));
    }
  });

  it("lets no client write one, admins included", async () => {
    await seedOne();
    for (const context of [h.admin(), h.shopper("alice")]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, `${name}/new`), data));
      await assertFails(updateDoc(doc(firestore, `${name}/${id}`), { changed: true }));
      await assertFails(deleteDoc(doc(firestore, `${name}/${id}`)));
    }
  });
});

describe("products/{productId}/imageErrors (functions write; admins read and dismiss)", () => {
  const refused = {
    fileName: "mug.svg",
    path: "products/mug/original/img1-mug.svg",
    code: "unsupported_type",
    message: "SVG images are not accepted; upload a JPEG, PNG, WebP, AVIF or GIF",
    at: past,
  };
  const path = "products/mug/imageErrors/img1";
  const seedOne = () => h.seed((firestore) => setDoc(doc(firestore, path), refused));

  it("lets admins read, list and dismiss them", async () => {
    await seedOne();
    const firestore = db(h.admin());
    await assertSucceeds(getDoc(doc(firestore, path)));
    await assertSucceeds(getDocs(collection(firestore, "products/mug/imageErrors")));
    await assertSucceeds(deleteDoc(doc(firestore, path)));
  });

  it("keeps them from everyone else and lets no client write one", async () => {
    await seedOne();
    for (const context of [h.shopper("alice"), h.shopper("mallory", { admin: "true" }), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), path)));
      await assertFails(deleteDoc(doc(db(context), path)));
    }
    await assertFails(setDoc(doc(db(h.admin()), "products/mug/imageErrors/img2"), refused));
    await assertFails(updateDoc(doc(db(h.admin()), path), { message: "" }));
  });
});

describe("orders/{orderId}/events (functions write; owner and admins read)", () => {
  const event = {
    from: "pending",
    to: "awaiting_payment",
    event: "priced",
    actor: { type: "system", id: null },
    at: past,
  };
  const seedHistory = () =>
    h.seed(async (firestore) => {
      await setDoc(doc(firestore, "orders/o1"), pricedOrder("alice", "awaiting_payment"));
      await setDoc(doc(firestore, "orders/o1/events/e1"), event);
    });

  it("lets the order's owner and admins read and list its history", async () => {
    await seedHistory();
    for (const context of [h.shopper("alice"), h.admin()]) {
      await assertSucceeds(getDoc(doc(db(context), "orders/o1/events/e1")));
      await assertSucceeds(getDocs(collection(db(context), "orders/o1/events")));
    }
  });

  it("keeps the history from other shoppers and signed-out visitors", async () => {
    await seedHistory();
    for (const context of [h.shopper("bob"), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), "orders/o1/events/e1")));
      await assertFails(getDocs(collection(db(context), "orders/o1/events")));
    }
  });

  it("lets no client write history, the owner and admins included", async () => {
    await seedHistory();
    for (const context of [h.shopper("alice"), h.admin()]) {
      const firestore = db(context);
      await assertFails(
        addDoc(collection(firestore, "orders/o1/events"), { ...event, at: serverTimestamp() }),
      );
      await assertFails(updateDoc(doc(firestore, "orders/o1/events/e1"), { to: "paid" }));
      await assertFails(deleteDoc(doc(firestore, "orders/o1/events/e1")));
    }
  });
});

describe("everything not named in the rules", () => {
  it("is denied, admins included", async () => {
    for (const context of [h.admin(), h.shopper("alice")]) {
      const firestore = db(context);
      await assertFails(setDoc(doc(firestore, "admins/alice"), { admin: true }));
      await assertFails(setDoc(doc(firestore, "roles/alice"), { role: "admin" }));
      await assertFails(getDoc(doc(firestore, "payments/p1")));
    }
  });
});
