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

describe.each([
  [
    "webhookEvents",
    { type: "checkout.session.completed", orderId: "o1", receivedAt: past, outcome: "applied" },
  ],
  [
    "mail",
    { to: "alice@example.com", message: { subject: "Receipt", text: "Thanks", html: "<p>Thanks</p>" } },
  ],
])("%s (functions only)", (name, data) => {
  it("cannot be read, listed or written by any client, admins included", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, `${name}/e1`), data));
    for (const context of [h.admin(), h.shopper("alice"), h.signedOut()]) {
      const firestore = db(context);
      await assertFails(getDoc(doc(firestore, `${name}/e1`)));
      await assertFails(getDocs(collection(firestore, name)));
      await assertFails(setDoc(doc(firestore, `${name}/e2`), data));
      await assertFails(updateDoc(doc(firestore, `${name}/e1`), { orderId: "o2" }));
      await assertFails(deleteDoc(doc(firestore, `${name}/e1`)));
    }
  });
});

describe("triggerFailures (admins read, functions write)", () => {
  const failure = {
    trigger: "onOrderCreated",
    orderId: "o1",
    status: null,
    kind: "permanent",
    detail: "STRIPE_SECRET_KEY is not set",
    settlement: "rejected",
    eventTime: null,
    recordedAt: past,
  };

  it("lets admins read and list them, and nobody else", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "triggerFailures/onOrderCreated_o1"), failure));
    await assertSucceeds(getDoc(doc(db(h.admin()), "triggerFailures/onOrderCreated_o1")));
    await assertSucceeds(getDocs(collection(db(h.admin()), "triggerFailures")));
    for (const context of [h.shopper("alice"), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), "triggerFailures/onOrderCreated_o1")));
      await assertFails(getDocs(collection(db(context), "triggerFailures")));
    }
  });

  it("lets no client write one, admins included", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "triggerFailures/onOrderCreated_o1"), failure));
    await assertFails(setDoc(doc(db(h.admin()), "triggerFailures/x"), failure));
    await assertFails(updateDoc(doc(db(h.admin()), "triggerFailures/onOrderCreated_o1"), { detail: "" }));
    await assertFails(deleteDoc(doc(db(h.admin()), "triggerFailures/onOrderCreated_o1")));
  });
});

describe("reports (admins read, functions write)", () => {
  const report = {
    date: "2026-01-31",
    orderCount: 3,
    revenueCents: 12000,
    currency: "EUR",
    itemsSold: 5,
    topProducts: [],
    generatedAt: past,
  };

  it("lets admins read and list reports", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "reports/2026-01-31"), report));
    await assertSucceeds(getDoc(doc(db(h.admin()), "reports/2026-01-31")));
    await assertSucceeds(getDocs(collection(db(h.admin()), "reports")));
  });

  it("keeps reports from shoppers and signed-out visitors", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "reports/2026-01-31"), report));
    for (const context of [h.shopper("alice"), h.signedOut()]) {
      await assertFails(getDoc(doc(db(context), "reports/2026-01-31")));
      await assertFails(getDocs(collection(db(context), "reports")));
    }
  });

  it("lets no client write a report, admins included", async () => {
    await h.seed((firestore) => setDoc(doc(firestore, "reports/2026-01-31"), report));
    await assertFails(setDoc(doc(db(h.admin()), "reports/2026-02-01"), report));
    await assertFails(updateDoc(doc(db(h.admin()), "reports/2026-01-31"), { revenueCents: 0 }));
    await assertFails(deleteDoc(doc(db(h.admin()), "reports/2026-01-31")));
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
