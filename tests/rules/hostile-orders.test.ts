// Generated orders written through the web SDK (issue 9). Seeds are fixed, so a failure names a
// counterexample that reproduces: `fc.assert(…, { seed })` in the test named with that seed.
import { orderCreateSchema, orderStatuses } from "@hearth/domain";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import fc from "fast-check";
import {
  Timestamp,
  deleteField,
  doc,
  getDoc,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { anyDate, anyValue, oddNumber, serverOwnedField } from "../support/hostile/values";
import { newOrder, past, pricedOrder, storeConfig } from "./fixtures";
import { brokenOrder, validOrder } from "./hostile-order-arbitraries";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv({ separateCoverage: true });
const RUNS = { broken: 120, valid: 25, tampered: 50, cancel: 10 } as const;
const SEEDS = { broken: 90101, valid: 90102, tampered: 90103, cancel: 90104 } as const;
const TIMEOUT_MS = 180_000;
const MAX_UNITS = 10; // config/store without maxUnitsPerProduct: the rules' default

beforeEach(async () => {
  await h.seed((firestore) => setDoc(doc(firestore, "config/store"), storeConfig()));
});

const stored = async (reader: Firestore, path: string): Promise<DocumentData | undefined> =>
  (await getDoc(doc(reader, path))).data();

describe("placing generated orders", () => {
  it(
    `denies ${RUNS.broken} near-valid orders with one or two defects and stores none (seed ${SEEDS.broken})`,
    async () => {
      const alice = db(h.shopper("alice"));
      const admin = db(h.admin());
      let run = 0;
      await fc.assert(
        fc.asyncProperty(brokenOrder("alice", MAX_UNITS), async ({ order }) => {
          const path = `orders/broken-${run++}`;
          await assertFails(setDoc(doc(alice, path), order));
          expect(await stored(admin, path)).toBeUndefined();
        }),
        { seed: SEEDS.broken, numRuns: RUNS.broken },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `allows ${RUNS.valid} generated valid orders, which the domain schema reads too (seed ${SEEDS.valid})`,
    async () => {
      const alice = db(h.shopper("alice"));
      let run = 0;
      await fc.assert(
        fc.asyncProperty(validOrder("alice", MAX_UNITS), async (order) => {
          const path = `orders/valid-${run++}`;
          await assertSucceeds(setDoc(doc(alice, path), order));
          const written = await stored(alice, path);
          expect(written?.items).toEqual(order.items);
          expect(orderCreateSchema.safeParse(written).success).toBe(true);
        }),
        { seed: SEEDS.valid, numRuns: RUNS.valid },
      );
    },
    TIMEOUT_MS,
  );
});

// One order of alice's in every status and one of bob's; every tampering is denied, so they stay.
const TARGETS = [
  ...orderStatuses.map((status) => ({ id: `alice-${status}`, status })),
  { id: "bob-pending", status: null },
];
const cancel = { status: "cancelled", cancelledAt: serverTimestamp(), updatedAt: serverTimestamp() };

const tampering: fc.Arbitrary<DocumentData> = fc.oneof(
  // A cancel that also changes something else.
  fc
    .tuple(
      fc.oneof(
        fc.constantFrom("totalCents", "lines", "payment", "uid", "items", "shippingAddress", "createdAt"),
        serverOwnedField,
      ),
      anyValue,
    )
    .map(([key, value]) => ({ ...cancel, [key]: value })),
  // A cancel on the shopper's clock, or without one of its stamps.
  fc
    .tuple(fc.constantFrom("cancelledAt", "updatedAt"), fc.oneof(anyDate, fc.constant("now"), oddNumber))
    .map(([key, value]) => ({ ...cancel, [key]: value })),
  fc.constantFrom("cancelledAt", "updatedAt").map((key) => ({ ...cancel, [key]: deleteField() })),
  // Moves and edits that are not a cancel at all.
  fc
    .record(
      {
        status: fc.oneof(fc.constantFrom(...orderStatuses), anyValue),
        totalCents: fc.oneof(oddNumber, fc.integer()),
        payment: fc.oneof(fc.constant({ provider: "fake", status: "paid" }), anyValue),
        uid: fc.constantFrom("alice", "bob"),
        paidAt: fc.oneof(anyDate, fc.constant(serverTimestamp())),
        updatedAt: fc.constant(serverTimestamp()),
      },
      { requiredKeys: [] },
    )
    .filter((patch) => Object.keys(patch).some((key) => key !== "updatedAt")),
);

describe("changing a placed order", () => {
  it(
    `denies ${RUNS.tampered} generated updates that are not a plain cancel, and every cancel of another's or a settled order (seed ${SEEDS.tampered})`,
    async () => {
      await h.seed(async (firestore) => {
        for (const target of TARGETS) {
          const order = target.status
            ? pricedOrder("alice", target.status)
            : newOrder("bob", { createdAt: past });
          await setDoc(doc(firestore, "orders", target.id), order);
        }
      });
      const alice = db(h.shopper("alice"));
      const admin = db(h.admin());
      const before = new Map<string, DocumentData | undefined>();
      for (const { id } of TARGETS) before.set(id, await stored(admin, `orders/${id}`));
      const attempt = fc.oneof(
        fc.record({ target: fc.constantFrom(...TARGETS.map((t) => t.id)), patch: tampering }),
        fc.record({
          target: fc.constantFrom("bob-pending", "alice-paid", "alice-shipped", "alice-cancelled"),
          patch: fc.constant(cancel),
        }),
      );
      await fc.assert(
        fc.asyncProperty(attempt, async ({ target, patch }) => {
          await assertFails(updateDoc(doc(alice, "orders", target), patch));
          expect(await stored(admin, `orders/${target}`)).toEqual(before.get(target));
        }),
        { seed: SEEDS.tampered, numRuns: RUNS.tampered },
      );
    },
    TIMEOUT_MS,
  );

  it(`lets the owner cancel a pending or unpaid order, as the control (seed ${SEEDS.cancel})`, async () => {
    const alice = db(h.shopper("alice"));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("pending", "awaiting_payment"), async (status) => {
        const path = `orders/cancel-${run++}`;
        await h.seed((firestore) => setDoc(doc(firestore, path), pricedOrder("alice", status)));
        await assertSucceeds(updateDoc(doc(alice, path), cancel));
        const after = await stored(alice, path);
        expect(after?.status).toBe("cancelled");
        expect(after?.cancelledAt).toBeInstanceOf(Timestamp);
      }),
      { seed: SEEDS.cancel, numRuns: RUNS.cancel },
    );
  });
});
