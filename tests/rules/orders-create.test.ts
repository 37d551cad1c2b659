import { beforeEach, describe, it } from "vitest";
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import { Timestamp, deleteDoc, doc, getDoc, setDoc, writeBatch, type DocumentData } from "firebase/firestore";
import { address, compact, items, newOrder, past, storeConfig } from "./fixtures";
import { db, useRulesEnv } from "./setup";

const h = useRulesEnv();
const place = (data: DocumentData, uid = "alice") => setDoc(doc(db(h.shopper(uid)), "orders/o1"), data);
const seedConfig = (overrides: DocumentData = {}) =>
  h.seed((firestore) => setDoc(doc(firestore, "config/store"), storeConfig(overrides)));

// The rules read config/store's maxUnitsPerProduct; a store without it takes no orders.
beforeEach(async () => {
  await seedConfig();
});

describe("placing an order", () => {
  it("lets a shopper place an order in the contract's shape", async () => {
    await assertSucceeds(place(newOrder("alice")));
  });

  it("accepts one line and an address without line2", async () => {
    const shippingAddress = compact(address({ line2: undefined }));
    await assertSucceeds(place(newOrder("alice", { items: items(1), shippingAddress })));
  });

  it("accepts 50 lines of 99 (with the cap at 99) and a 128-character product id", async () => {
    await seedConfig({ maxUnitsPerProduct: 99 });
    await assertSucceeds(place(newOrder("alice", { items: items(50, 99) })));
    const longId = [{ productId: "p".repeat(128), quantity: 1 }];
    await assertSucceeds(
      setDoc(doc(db(h.shopper("alice")), "orders/o2"), newOrder("alice", { items: longId })),
    );
  });

  it("fits 50 lines with 128-character ids of the highest quantity in the rules' budget", async () => {
    await seedConfig({ maxUnitsPerProduct: 99 });
    const longIds = Array.from({ length: 50 }, (_, index) => ({
      productId: `${index}`.padEnd(128, "p"),
      quantity: 99,
    }));
    await assertSucceeds(place(newOrder("alice", { items: longIds })));
  });

  it("denies signed-out visitors", async () => {
    await assertFails(setDoc(doc(db(h.signedOut()), "orders/o1"), newOrder("alice")));
  });

  it("denies an order placed in another shopper's name", async () => {
    await assertFails(place(newOrder("bob")));
  });

  const line = (overrides: DocumentData): DocumentData[] => [
    { productId: "mug", quantity: 1 },
    compact({ productId: "plate", quantity: 1, ...overrides }),
  ];
  const invalid: [string, DocumentData][] = [
    ["status paid", { status: "paid" }],
    ["status awaiting_payment", { status: "awaiting_payment" }],
    ["a createdAt in the past", { createdAt: past }],
    ["a client clock createdAt", { createdAt: Timestamp.now() }],
    ["a total", { totalCents: 1 }],
    ["a payment", { payment: { provider: "fake", status: "paid" } }],
    ["no shipping address", { shippingAddress: undefined }],
    ["no createdAt", { createdAt: undefined }],
    ["no items", { items: [] }],
    ["51 lines", { items: items(51) }],
    ["items that are not a list", { items: { mug: 1 } }],
    [
      "two lines for one product",
      {
        items: [
          { productId: "mug", quantity: 1 },
          { productId: "mug", quantity: 2 },
        ],
      },
    ],
    ["50 lines whose last repeats the first", { items: [...items(49), { productId: "p0", quantity: 3 }] }],
    ["quantity 0", { items: line({ quantity: 0 }) }],
    ["quantity 100", { items: line({ quantity: 100 }) }],
    ["quantity 1.5", { items: line({ quantity: 1.5 }) }],
    ["a quantity given as a string", { items: line({ quantity: "2" }) }],
    ["a line without a quantity", { items: line({ quantity: undefined }) }],
    ["a line without a productId", { items: line({ productId: undefined }) }],
    ["an empty productId", { items: line({ productId: "" }) }],
    ["a 129-character productId", { items: line({ productId: "p".repeat(129) }) }],
    ["a numeric productId", { items: line({ productId: 7 }) }],
    ["a line that is not a map", { items: ["mug"] }],
    ["a line that is a two-character string", { items: ["ab"] }],
    ["a 3-letter country", { shippingAddress: address({ country: "FRA" }) }],
    ["a lowercase country", { shippingAddress: address({ country: "fr" }) }],
    ["no country", { shippingAddress: compact(address({ country: undefined })) }],
    ["an address with an extra field", { shippingAddress: address({ instructions: "leave at door" }) }],
    ["an address with an empty postal code", { shippingAddress: address({ postalCode: "" }) }],
    ["an address that is not a map", { shippingAddress: "1 Rue de Rivoli, Paris" }],
  ];

  it.each(invalid)("rejects an order with %s", async (_label, overrides) => {
    await assertFails(place(compact(newOrder("alice", overrides))));
  });

  it("writes nothing from a batch that holds one valid and one invalid order", async () => {
    const firestore = db(h.shopper("alice"));
    const batch = writeBatch(firestore);
    batch.set(doc(firestore, "orders/good"), newOrder("alice"));
    batch.set(doc(firestore, "orders/bad"), newOrder("alice", { items: items(1, 100) }));
    await assertFails(batch.commit());
    await h.seed(async (admin) => {
      const [good, bad] = await Promise.all([
        getDoc(doc(admin, "orders/good")),
        getDoc(doc(admin, "orders/bad")),
      ]);
      if (good.exists() || bad.exists()) throw new Error("A rejected batch left a document behind");
    });
  });
});

describe("units of one product per order (config/store maxUnitsPerProduct)", () => {
  it("allows 10 of a product by default and denies 11", async () => {
    await assertSucceeds(place(newOrder("alice", { items: items(50, 10) })));
    await assertFails(
      setDoc(doc(db(h.shopper("alice")), "orders/o2"), newOrder("alice", { items: items(1, 11) })),
    );
  });

  it("denies a line over the cap anywhere among 50 lines", async () => {
    const lines = items(50, 1);
    lines[49] = { productId: "p49", quantity: 11 };
    await assertFails(place(newOrder("alice", { items: lines })));
  });

  it("follows the configured cap", async () => {
    await seedConfig({ maxUnitsPerProduct: 2 });
    await assertFails(place(newOrder("alice", { items: items(1, 3) })));
    await assertSucceeds(place(newOrder("alice", { items: items(2, 2) })));
  });

  it("denies every order while config/store is missing", async () => {
    await h.seed((firestore) => deleteDoc(doc(firestore, "config/store")));
    await assertFails(place(newOrder("alice", { items: items(1, 1) })));
  });
});

// Firestore refuses '.', '..' and __…__ as document ids (and '/' splits them); such a productId
// would name no document, so the rules refuse it as the domain's idSchema does.
describe("product ids follow Firestore's id constraints", () => {
  const withId = (productId: string, at = 0): DocumentData[] => {
    const lines = items(50, 1);
    lines[at] = { productId, quantity: 1 };
    return lines;
  };

  it.each([
    [".", 0],
    ["..", 0],
    ["..", 49],
    ["__x__", 7],
    ["____", 0],
    ["__multi\nline__", 3],
    ["\u{1F375}".repeat(129), 0],
  ])("denies the productId %j (line %i)", async (productId, at) => {
    await assertFails(place(newOrder("alice", { items: withId(productId, at) })));
  });

  it.each(["...", ".x", "x.", "___", "__x", "x__", "_._", "\u{1F375}".repeat(128)])(
    "accepts the productId %j",
    async (productId) => {
      await assertSucceeds(place(newOrder("alice", { items: withId(productId, 49) })));
    },
  );
});
