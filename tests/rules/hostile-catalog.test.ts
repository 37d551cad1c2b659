// Generated catalog edits through the web SDK (issue 9). Admins may write products, categories and
// config/store directly (the back office saves products through adminSaveProduct, but the rules
// are the last word for any client), so broken documents must be denied to admins as well.
import { categorySchema, productSchema, storeConfigSchema } from "@hearth/domain";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import fc from "fast-check";
import {
  deleteDoc,
  doc,
  getDoc,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { describe, expect, it } from "vitest";
import { anyValue, oddNumber } from "../support/hostile/values";
import { category, past, storeConfig, storedProduct } from "./fixtures";
import {
  brokenCategory,
  brokenStoreConfig,
  validCategory,
  validStoreConfig,
} from "./hostile-catalog-arbitraries";
import { brokenProduct, tweakedProduct, validProduct } from "./hostile-product-arbitraries";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv({ separateCoverage: true });
const RUNS = {
  create: 80,
  update: 30,
  valid: 15,
  tweaked: 40,
  strangers: 25,
  category: 30,
  config: 30,
  controls: 10,
} as const;
const SEEDS = {
  create: 90301,
  update: 90302,
  valid: 90303,
  tweaked: 90308,
  strangers: 90304,
  category: 90305,
  config: 90306,
  controls: 90307,
} as const;
const TIMEOUT_MS = 180_000;

const seedCatalog = () =>
  h.seed(async (firestore) => {
    await setDoc(doc(firestore, "products/mug"), storedProduct());
    await setDoc(doc(firestore, "categories/kitchen"), category());
    await setDoc(doc(firestore, "config/store"), storeConfig());
  });

const dataAt = async (reader: Firestore, path: string): Promise<DocumentData | undefined> =>
  (await getDoc(doc(reader, path))).data();

describe("products", () => {
  it(
    `denies ${RUNS.create} near-valid products an admin creates with one or two defects (seed ${SEEDS.create})`,
    async () => {
      const admin = db(h.admin());
      let run = 0;
      await fc.assert(
        fc.asyncProperty(brokenProduct(), async ({ data }) => {
          const path = `products/broken-${run++}`;
          await assertFails(setDoc(doc(admin, path), data));
          expect(await dataAt(admin, path)).toBeUndefined();
        }),
        { seed: SEEDS.create, numRuns: RUNS.create },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `denies ${RUNS.update} broken overwrites of a stored product and keeps it (seed ${SEEDS.update})`,
    async () => {
      await seedCatalog();
      const admin = db(h.admin());
      const before = await dataAt(admin, "products/mug");
      await fc.assert(
        fc.asyncProperty(brokenProduct(past), async ({ data }) => {
          await assertFails(setDoc(doc(admin, "products/mug"), data));
          expect(await dataAt(admin, "products/mug")).toEqual(before);
        }),
        { seed: SEEDS.update, numRuns: RUNS.update },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `allows ${RUNS.valid} generated valid products, created then rewritten, that the domain schema reads (seed ${SEEDS.valid})`,
    async () => {
      const admin = db(h.admin());
      let run = 0;
      await fc.assert(
        fc.asyncProperty(validProduct, validProduct, async (created, rewritten) => {
          const ref = doc(admin, `products/valid-${run++}`);
          await assertSucceeds(setDoc(ref, created));
          const { createdAt } = (await getDoc(ref)).data() ?? {};
          await assertSucceeds(setDoc(ref, { ...rewritten, createdAt }));
          expect(productSchema.safeParse((await getDoc(ref)).data()).success).toBe(true);
        }),
        { seed: SEEDS.valid, numRuns: RUNS.valid },
      );
    },
    TIMEOUT_MS,
  );
  it(
    `of ${RUNS.tweaked} products with one odd character, stores only those productSchema reads (seed ${SEEDS.tweaked})`,
    async () => {
      const admin = db(h.admin());
      let run = 0;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(tweakedProduct, async (product) => {
          const ref = doc(admin, `products/tweaked-${run++}`);
          const allowed = await setDoc(ref, product).then(
            () => true,
            (error: unknown) => assertFails(Promise.reject(error)).then(() => false),
          );
          if (!allowed) return;
          accepted += 1;
          expect(productSchema.safeParse((await getDoc(ref)).data()).error?.issues ?? []).toEqual([]);
        }),
        { seed: SEEDS.tweaked, numRuns: RUNS.tweaked },
      );
      // Both outcomes must occur, or the property says nothing.
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(RUNS.tweaked);
    },
    TIMEOUT_MS,
  );
});

describe("shoppers and visitors", () => {
  it(
    `denies ${RUNS.strangers} generated catalog writes by a shopper or a visitor, valid data or not (seed ${SEEDS.strangers})`,
    async () => {
      await seedCatalog();
      const writers = { shopper: db(h.shopper("mallory")), visitor: db(h.signedOut()) };
      const admin = db(h.admin());
      const paths = ["products/mug", "products/new", "categories/kitchen", "categories/new", "config/store"];
      const before = new Map<string, DocumentData | undefined>();
      for (const path of paths) before.set(path, await dataAt(admin, path));
      const write = fc.record({
        writer: fc.constantFrom("shopper", "visitor"),
        path: fc.constantFrom(...paths),
        op: fc.oneof(
          fc.oneof(validProduct, validCategory, validStoreConfig).map((data) => ({ set: data })),
          fc
            .record({
              priceCents: fc.oneof(fc.constant(1), oddNumber),
              stock: fc.oneof(fc.constant(9_999), oddNumber),
              status: fc.constantFrom("active", "archived"),
              position: fc.nat(),
              shipping: fc.constant({ flatCents: 0, freeOverCents: 0 }),
              anything: anyValue,
            })
            .map((patch) => ({ update: { ...patch, updatedAt: serverTimestamp() } })),
          fc.constant({ delete: true }),
        ),
      });
      await fc.assert(
        fc.asyncProperty(write, async ({ writer, path, op }) => {
          const ref = doc(writers[writer], path);
          const pending =
            "set" in op ? setDoc(ref, op.set) : "update" in op ? updateDoc(ref, op.update) : deleteDoc(ref);
          await assertFails(pending);
          expect(await dataAt(admin, path)).toEqual(before.get(path));
        }),
        { seed: SEEDS.strangers, numRuns: RUNS.strangers },
      );
    },
    TIMEOUT_MS,
  );
});

describe("categories and config/store", () => {
  it(
    `denies ${RUNS.category} near-valid categories an admin writes, storing none (seed ${SEEDS.category})`,
    async () => {
      const admin = db(h.admin());
      let run = 0;
      await fc.assert(
        fc.asyncProperty(brokenCategory, async ({ data }) => {
          const path = `categories/broken-${run++}`;
          await assertFails(setDoc(doc(admin, path), data));
          expect(await dataAt(admin, path)).toBeUndefined();
        }),
        { seed: SEEDS.category, numRuns: RUNS.category },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `denies ${RUNS.config} near-valid store configs an admin writes, keeping the stored one (seed ${SEEDS.config})`,
    async () => {
      await seedCatalog();
      const admin = db(h.admin());
      const before = await dataAt(admin, "config/store");
      await fc.assert(
        fc.asyncProperty(brokenStoreConfig, async ({ data }) => {
          await assertFails(setDoc(doc(admin, "config/store"), data));
          expect(await dataAt(admin, "config/store")).toEqual(before);
        }),
        { seed: SEEDS.config, numRuns: RUNS.config },
      );
    },
    TIMEOUT_MS,
  );

  it(
    `allows ${RUNS.controls} generated valid categories and configs, as the control (seed ${SEEDS.controls})`,
    async () => {
      const admin = db(h.admin());
      let run = 0;
      await fc.assert(
        fc.asyncProperty(validCategory, validStoreConfig, async (newCategory, config) => {
          const path = `categories/valid-${run++}`;
          await assertSucceeds(setDoc(doc(admin, path), newCategory));
          await assertSucceeds(setDoc(doc(admin, "config/store"), config));
          expect(categorySchema.safeParse(await dataAt(admin, path)).success).toBe(true);
          expect(storeConfigSchema.safeParse(await dataAt(admin, "config/store")).success).toBe(true);
        }),
        { seed: SEEDS.controls, numRuns: RUNS.controls },
      );
    },
    TIMEOUT_MS,
  );
});
