import {
  categorySchema,
  productSchema,
  searchTokens,
  storeConfigSchema,
  type Category,
  type Product,
  type StoreConfig,
} from "@hearth/domain";
import { Timestamp } from "firebase-admin/firestore";
import { adminFirestore } from "./admin";
import { uploadProductArt } from "./product-art";

export type SeededProduct = Product & { id: string };

export type SeededCatalog = {
  store: StoreConfig;
  category: Category & { id: string };
  /** Sorted by name, as the storefront lists them. */
  active: SeededProduct[];
  /** Draft and archived products, which visitors must never see. */
  hidden: SeededProduct[];
};

const CATEGORY_ID = "kitchen";
const CREATED_AT = Date.UTC(2025, 0, 1);

type ProductSeed = Pick<Product, "name" | "priceCents" | "stock" | "status" | "tags"> & {
  id: string;
  /** Hue of the generated picture; null for a product without images. */
  artHue: number | null;
};

const PRODUCT_SEEDS: readonly ProductSeed[] = [
  {
    id: "cast-iron-skillet",
    name: "Cast Iron Skillet",
    priceCents: 4_500,
    stock: 12,
    status: "active",
    tags: ["cookware"],
    artHue: 20,
  },
  {
    id: "linen-apron",
    name: "Linen Apron",
    priceCents: 2_800,
    stock: 3,
    status: "active",
    tags: ["textiles"],
    artHue: 150,
  },
  {
    id: "beeswax-candle",
    name: "Beeswax Candle",
    priceCents: 1_250,
    stock: 0,
    status: "active",
    tags: ["home"],
    artHue: null,
  },
  {
    id: "copper-kettle",
    name: "Copper Kettle",
    priceCents: 8_900,
    stock: 4,
    status: "draft",
    tags: ["cookware"],
    artHue: 30,
  },
  {
    id: "enamel-mug",
    name: "Enamel Mug",
    priceCents: 1_600,
    stock: 40,
    status: "archived",
    tags: ["tableware"],
    artHue: 210,
  },
];

async function buildProduct(seed: ProductSeed, index: number): Promise<SeededProduct> {
  const createdAt = Timestamp.fromMillis(CREATED_AT + index * 60_000);
  const images = seed.artHue === null ? [] : [await uploadProductArt(seed.id, seed.name, seed.artHue)];
  const product = productSchema.parse({
    name: seed.name,
    slug: seed.id,
    description: `${seed.name} for the e2e storefront.`,
    priceCents: seed.priceCents,
    currency: "USD",
    categoryId: CATEGORY_ID,
    tags: seed.tags,
    status: seed.status,
    stock: seed.stock,
    images,
    searchTokens: searchTokens(seed.name, seed.tags),
    createdAt,
    updatedAt: createdAt,
  });
  return { ...product, id: seed.id };
}

/**
 * Writes a small, fixed catalogue with the Admin SDK: the store settings, one category,
 * three active products (one low on stock, one sold out and without images), one draft
 * and one archived product. Every document is checked against the domain schemas first.
 */
export async function seedCatalog(): Promise<SeededCatalog> {
  const db = adminFirestore();
  const store = storeConfigSchema.parse({
    storeName: "Ember & Oak",
    currency: "USD",
    shipping: { flatCents: 500, freeOverCents: 5_000 },
    lowStockThreshold: 5,
  });
  const category = {
    ...categorySchema.parse({ name: "Kitchen", slug: "kitchen", position: 0 }),
    id: CATEGORY_ID,
  };
  const products = await Promise.all(PRODUCT_SEEDS.map(buildProduct));

  const batch = db.batch();
  batch.set(db.doc("config/store"), store);
  const { id: categoryId, ...categoryData } = category;
  batch.set(db.doc(`categories/${categoryId}`), categoryData);
  for (const { id, ...data } of products) batch.set(db.doc(`products/${id}`), data);
  await batch.commit();

  return {
    store,
    category,
    // Firestore orders strings by code point, not by locale.
    active: products
      .filter((p) => p.status === "active")
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    hidden: products.filter((p) => p.status !== "active"),
  };
}
