import { db } from "./support/saga-app";
import { orderEventRecordSchema } from "@hearth/domain";
import fc from "fast-check";
import { FieldValue, type DocumentData } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "../../functions/src/admin-auth";
import { emailLookup } from "../../functions/src/notifications/notify-status-change";
import { handleOrderCreated } from "../../functions/src/orders/on-order-created";
import type { CheckoutRequest, PaymentProvider } from "../../functions/src/payments/provider";
import { unreadable } from "../support/hostile/readable";
import { validAddress } from "../support/hostile/orders";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { hostileOrder, plentyLines, seedHostileCatalog, type HostileOrder } from "./support/hostile-orders";
import { localProvider } from "./support/saga-flow";
import { orderData, seedStore, STORE_CONFIG } from "./support/seed";

// Generated orders the rules let through (or an Admin SDK writer could store) that the server
// must still refuse (issue 9): onOrderCreated runs directly, with the real Auth lookup.
const RUNS = { hostile: 100, valid: 15 } as const;
const SEEDS = { hostile: 90401, valid: 90402 } as const;
const TIMEOUT_MS = 300_000;

const sessions: CheckoutRequest[] = [];
const provider: PaymentProvider = {
  ...localProvider,
  createCheckoutSession: async (request) => {
    sessions.push(request);
    return localProvider.createCheckoutSession(request);
  },
};
const lookupEmail = emailLookup(db, auth);

beforeEach(async () => {
  await clearFirestore(SAGA_PROJECT);
  await Promise.all([seedStore(db), seedHostileCatalog(db)]);
  sessions.length = 0;
});

async function stocks(): Promise<Map<string, unknown>> {
  const products = await db.collection("products").get();
  return new Map(products.docs.map((doc) => [doc.id, doc.get("stock")]));
}

/** config/store as the order meets it: maybe with a lower cap, deleted, or unreadable. */
async function setStore({ store, maxUnits }: Pick<HostileOrder, "store" | "maxUnits">): Promise<void> {
  const ref = db.doc("config/store");
  if (store === "missing") await ref.delete();
  else if (store === "invalid") await ref.set({ ...STORE_CONFIG, currency: "dollars" });
  else
    await ref.set(maxUnits === undefined ? STORE_CONFIG : { ...STORE_CONFIG, maxUnitsPerProduct: maxUnits });
}

/** Writes the order as a shopper's client would (a server timestamp for createdAt). */
async function place(
  uid: string,
  { items, shippingAddress }: Pick<HostileOrder, "items" | "shippingAddress">,
) {
  const ref = db.collection("orders").doc();
  await ref.create({
    uid,
    items,
    shippingAddress,
    status: "pending",
    createdAt: FieldValue.serverTimestamp(),
  });
  return ref.id;
}

async function openOrders(uid: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await db
      .collection("orders")
      .add({ uid, status: "awaiting_payment", createdAt: FieldValue.serverTimestamp() });
  }
}

async function eventIds(orderId: string): Promise<string[]> {
  return (await db.collection(`orders/${orderId}/events`).get()).docs.map((doc) => doc.id);
}

describe("onOrderCreated with generated orders the server must refuse", () => {
  it(
    `rejects ${RUNS.hostile} wrong orders with a readable reason, no stock taken, no checkout, no throw (seed ${SEEDS.hostile})`,
    async () => {
      const before = await stocks();
      let run = 0;
      await fc.assert(
        fc.asyncProperty(hostileOrder, async (order) => {
          const uid = `${order.uidPrefix}-${run++}`;
          await openOrders(uid, order.openOrders);
          await setStore(order);
          const orderId = await place(uid, order);

          const result = await handleOrderCreated(db, orderId, provider, new Date(), lookupEmail);

          const stored: DocumentData = await orderData(db, orderId);
          expect(result.reservation.kind).toBe("rejected");
          expect(stored.status).toBe("rejected");
          expect(unreadable(stored.rejectionReason)).toBeNull();
          expect([stored.lines, stored.totalCents, stored.payment]).toEqual([
            undefined,
            undefined,
            undefined,
          ]);
          expect(await eventIds(orderId)).toEqual(["rejected"]);
          expect(
            orderEventRecordSchema.parse((await db.doc(`orders/${orderId}/events/rejected`).get()).data()),
          ).toMatchObject({ from: "pending", to: "rejected", note: stored.rejectionReason });
          expect(sessions).toEqual([]);
          expect(await stocks()).toEqual(before);

          // A redelivery finds the order settled and changes nothing.
          const again = await handleOrderCreated(db, orderId, provider, new Date(), lookupEmail);
          expect(again.reservation.kind).toBe("skipped");
          expect(await orderData(db, orderId)).toEqual(stored);
        }),
        { seed: SEEDS.hostile, numRuns: RUNS.hostile },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `prices ${RUNS.valid} generated valid orders and takes exactly their units, as the control (seed ${SEEDS.valid})`,
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(plentyLines(20), validAddress, async (items, shippingAddress) => {
          const before = await stocks();
          await setStore({ store: "ok" });
          const orderId = await place(`valid-${run++}`, { items, shippingAddress });

          const result = await handleOrderCreated(db, orderId, provider, new Date(), lookupEmail);

          expect(result).toMatchObject({ reservation: { kind: "reserved" }, session: "created" });
          expect((await orderData(db, orderId)).status).toBe("awaiting_payment");
          const after = await stocks();
          for (const { productId, quantity } of items) {
            expect(after.get(productId)).toBe(Number(before.get(productId)) - quantity);
          }
          expect(sessions.at(-1)?.orderId).toBe(orderId);
        }),
        { seed: SEEDS.valid, numRuns: RUNS.valid },
      );
    },
    TIMEOUT_MS,
  );
});
