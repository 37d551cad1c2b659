import { searchTokens, type ProductInput } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { saveProduct } from "../../functions/src/catalog/save-product";
import { callFunction, idTokenFor } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";
import { seedProduct, seedStore } from "./support/seed";

const INPUT: ProductInput = {
  name: "Walnut Board",
  slug: "walnut-board",
  description: "Oiled walnut.",
  priceCents: 3_450,
  categoryId: "kitchen",
  tags: ["wood", "kitchen"],
  status: "draft",
  stock: 7,
};

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  await seedStore(db);
  await db.doc("categories/kitchen").set({ name: "Kitchen", slug: "kitchen", position: 0 });
});

const admin = () => idTokenFor(auth, "admin-1", { admin: true });

describe("adminSaveProduct", () => {
  it("refuses anonymous callers and shoppers", async () => {
    const anonymous = await callFunction("adminSaveProduct", { product: INPUT });
    const shopper = await callFunction(
      "adminSaveProduct",
      { product: INPUT },
      await idTokenFor(auth, "shopper"),
    );
    expect(anonymous.error?.status).toBe("UNAUTHENTICATED");
    expect(shopper.error?.status).toBe("PERMISSION_DENIED");
    expect((await db.collection("products").get()).size).toBe(0);
  });

  it("creates a product with the store's currency, the server's search tokens and no images", async () => {
    const token = await admin();
    const created = await callFunction("adminSaveProduct", { product: INPUT }, token);
    const { productId } = created.result as { productId: string };
    const stored = (await db.doc(`products/${productId}`).get()).data();
    expect(stored).toMatchObject({
      ...INPUT,
      currency: "USD",
      images: [],
      searchTokens: searchTokens(INPUT.name, INPUT.tags),
    });
    expect(stored?.createdAt).toBeDefined();

    // An edit keeps the images the pipeline wrote meanwhile, and createdAt.
    const image = { path: `products/${productId}/original/a.jpg`, width: 10, height: 10, urls: {}, alt: "" };
    await db.doc(`products/${productId}`).update({ images: [image] });
    const edited = await callFunction(
      "adminSaveProduct",
      { productId, product: { ...INPUT, name: "Walnut Board, large", priceCents: 4_000, status: "active" } },
      token,
    );
    expect(edited.error).toBeUndefined();
    const after = (await db.doc(`products/${productId}`).get()).data();
    expect(after).toMatchObject({
      name: "Walnut Board, large",
      priceCents: 4_000,
      status: "active",
      images: [image],
    });
    expect(after?.createdAt).toEqual(stored?.createdAt);
    expect(after?.searchTokens).toContain("large");
  });

  it("explains what it refuses: bad input, a taken slug, a missing category or product", async () => {
    await seedProduct(db, "seeded", { slug: "walnut-board" });
    const token = await admin();
    const call = (data: unknown) => callFunction("adminSaveProduct", data, token);

    expect((await call({ product: { ...INPUT, priceCents: 12.5 } })).error?.status).toBe("INVALID_ARGUMENT");
    expect((await call({ product: { ...INPUT, currency: "EUR" } })).error?.status).toBe("INVALID_ARGUMENT");
    const taken = await call({ product: INPUT });
    expect(taken.error).toEqual({
      status: "ALREADY_EXISTS",
      message: 'Another product already uses the slug "walnut-board".',
    });
    const noCategory = await call({ product: { ...INPUT, slug: "other", categoryId: "garden" } });
    expect(noCategory.error).toEqual({
      status: "INVALID_ARGUMENT",
      message: "Choose a category that exists.",
    });
    const gone = await call({ productId: "missing", product: { ...INPUT, slug: "other" } });
    expect(gone.error?.status).toBe("NOT_FOUND");
    // The seeded product may keep its own slug.
    expect((await call({ productId: "seeded", product: INPUT })).error).toBeUndefined();
  });

  it("lets exactly one of two parallel saves claim a slug, and frees a slug that is renamed", async () => {
    const results = await Promise.allSettled([
      saveProduct(db, { product: INPUT }),
      saveProduct(db, { product: INPUT }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const products = await db.collection("products").where("slug", "==", INPUT.slug).get();
    expect(products.size).toBe(1);

    const [winner] = products.docs;
    await saveProduct(db, { productId: winner?.id, product: { ...INPUT, slug: "walnut-board-2" } });
    await expect(saveProduct(db, { product: INPUT })).resolves.toEqual({ productId: expect.any(String) });
  });
});
