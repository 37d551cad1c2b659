// Generated cart lines written through the web SDK (issue 9): users/{uid}/cart/{productId} holds
// exactly { quantity: 1..99, addedAt: timestamp } and only its owner writes it.
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import fc from "fast-check";
import {
  deleteField,
  doc,
  getDoc,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { applyDefects, type Defect } from "../support/hostile/defects";
import { validProductId } from "../support/hostile/orders";
import { anyDate, anyValue, intOutside, notA, notATime, serverOwnedField } from "../support/hostile/values";
import { past } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv({ separateCoverage: true });
const RUNS = { broken: 80, foreign: 25, edits: 30, valid: 20 } as const;
const SEEDS = { broken: 90201, foreign: 90202, edits: 90203, valid: 90204 } as const;
const TIMEOUT_MS = 120_000;

const validLine: fc.Arbitrary<DocumentData> = fc.record({
  quantity: fc.integer({ min: 1, max: 99 }),
  addedAt: fc.oneof(fc.constant(serverTimestamp()), anyDate),
});

const lineDefect: fc.Arbitrary<Defect> = fc.oneof(
  fc.oneof(intOutside(1, 99), notA("number")).map((to) => ({ set: ["quantity"], to })),
  notATime.map((to) => ({ set: ["addedAt"], to })),
  fc.constantFrom("quantity", "addedAt").map((key) => ({ drop: [key] })),
  fc
    .tuple(fc.oneof(serverOwnedField, fc.constantFrom("name", "productId", "uid")), anyValue)
    .map(([key, to]) => ({ set: [key], to })),
);

const brokenLine = fc
  .tuple(validLine, fc.array(lineDefect, { minLength: 1, maxLength: 2 }))
  .map(([line, defects]) => ({ defects, line: applyDefects(line, defects) }));

describe("generated cart lines", () => {
  it(
    `denies ${RUNS.broken} near-valid cart lines with one or two defects, storing none (seed ${SEEDS.broken})`,
    async () => {
      const alice = db(h.shopper("alice"));
      await fc.assert(
        fc.asyncProperty(validProductId, brokenLine, async (productId, { line }) => {
          const ref = doc(alice, "users/alice/cart", productId);
          await assertFails(setDoc(ref, line));
          expect((await getDoc(ref)).exists()).toBe(false);
        }),
        { seed: SEEDS.broken, numRuns: RUNS.broken },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `denies ${RUNS.foreign} valid lines written to another shopper's cart or signed out (seed ${SEEDS.foreign})`,
    async () => {
      const writers = { mallory: db(h.shopper("mallory")), visitor: db(h.signedOut()) };
      const bob = db(h.shopper("bob"));
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("mallory", "visitor"),
          validProductId,
          validLine,
          async (writer, productId, line) => {
            await assertFails(setDoc(doc(writers[writer], "users/bob/cart", productId), line));
            expect((await getDoc(doc(bob, "users/bob/cart", productId))).exists()).toBe(false);
          },
        ),
        { seed: SEEDS.foreign, numRuns: RUNS.foreign },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `denies ${RUNS.edits} broken edits of a stored line and leaves it as it was (seed ${SEEDS.edits})`,
    async () => {
      const stored = { quantity: 2, addedAt: past };
      await h.seed((firestore) => setDoc(doc(firestore, "users/alice/cart/mug"), stored));
      const ref = doc(db(h.shopper("alice")), "users/alice/cart/mug");
      const patch = fc.oneof(
        fc
          .array(lineDefect, { minLength: 1, maxLength: 2 })
          .map((defects) => applyDefects({}, defects))
          .filter((data) => Object.keys(data).length > 0),
        fc.constantFrom("quantity", "addedAt").map((key) => ({ [key]: deleteField() })),
      );
      await fc.assert(
        fc.asyncProperty(patch, async (data) => {
          await assertFails(updateDoc(ref, data));
          expect((await getDoc(ref)).data()).toEqual(stored);
        }),
        { seed: SEEDS.edits, numRuns: RUNS.edits },
      );
    },
    TIMEOUT_MS,
  );

  it(`allows ${RUNS.valid} generated valid lines, as the control (seed ${SEEDS.valid})`, async () => {
    const alice = db(h.shopper("alice"));
    await fc.assert(
      fc.asyncProperty(validProductId, validLine, async (productId, line) => {
        const ref = doc(alice, "users/alice/cart", productId);
        await assertSucceeds(setDoc(ref, line));
        expect((await getDoc(ref)).get("quantity")).toBe(line.quantity);
      }),
      { seed: SEEDS.valid, numRuns: RUNS.valid },
    );
  });
});
