import {
  categorySchema,
  productSchema,
  searchTokens,
  storeConfigSchema,
  toMillis,
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

export type BrowseCatalog = {
  store: StoreConfig;
  categories: (Category & { id: string })[];
  /** Every active product, newest first (the storefront's default order). */
  active: SeededProduct[];
  hidden: SeededProduct[];
};

type BrowseSeed = ProductSeed & { categoryId: string };

function kitchen(
  id: string,
  name: string,
  priceCents: number,
  stock: number,
  tags: string[],
  artHue: number | null,
): BrowseSeed {
  return { id, name, priceCents, stock, tags, artHue, status: "active", categoryId: "kitchen" };
}

/** Seventeen products over two categories, so a category needs two pages of 12. */
const BROWSE_SEEDS: readonly BrowseSeed[] = [
  kitchen("cast-iron-skillet", "Cast Iron Skillet", 4_500, 12, ["cookware", "featured"], 20),
  kitchen("linen-apron", "Linen Apron", 2_800, 3, ["textiles"], 150),
  kitchen("beeswax-candle", "Beeswax Candle", 1_250, 0, ["home"], null),
  kitchen("copper-kettle", "Copper Kettle", 8_900, 4, ["cookware"], 30),
  kitchen("enamel-mug", "Enamel Mug", 1_600, 40, ["tableware"], null),
  kitchen("walnut-cutting-board", "Walnut Cutting Board", 3_900, 5, ["wood", "prep"], null),
  kitchen("stoneware-bowl", "Stoneware Bowl", 2_200, 9, ["tableware"], null),
  kitchen("chef-knife", "Chef Knife", 7_400, 2, ["cookware", "steel"], null),
  kitchen("linen-napkins", "Linen Napkins", 1_900, 0, ["textiles"], null),
  kitchen("olive-wood-spoon", "Olive Wood Spoon", 900, 25, ["wood"], null),
  kitchen("ceramic-teapot", "Ceramic Teapot", 5_200, 6, ["tableware", "featured"], 200),
  kitchen("spice-jar-set", "Spice Jar Set", 3_100, 15, ["storage"], null),
  kitchen("dutch-oven", "Dutch Oven", 11_900, 7, ["cookware"], null),
  kitchen("salt-cellar", "Salt Cellar", 1_400, 1, ["storage"], null),
];

const BROWSE_EXTRA: readonly BrowseSeed[] = [
  {
    id: "terracotta-planter",
    name: "Terracotta Planter",
    priceCents: 2_400,
    stock: 10,
    tags: ["planter"],
    artHue: 15,
    status: "active",
    categoryId: "garden",
  },
  {
    id: "garden-trowel",
    name: "Garden Trowel",
    priceCents: 1_700,
    stock: 0,
    tags: ["tools"],
    artHue: null,
    status: "active",
    categoryId: "garden",
  },
  {
    id: "watering-can",
    name: "Watering Can",
    priceCents: 3_300,
    stock: 8,
    tags: ["tools", "featured"],
    artHue: null,
    status: "active",
    categoryId: "garden",
  },
  {
    id: "brass-lamp",
    name: "Brass Lamp",
    priceCents: 6_400,
    stock: 5,
    tags: ["lamp", "featured"],
    artHue: null,
    status: "draft",
    categoryId: "lighting",
  },
  {
    id: "chipped-mug",
    name: "Chipped Mug",
    priceCents: 1_500,
    stock: 3,
    tags: ["tableware"],
    artHue: null,
    status: "archived",
    categoryId: "kitchen",
  },
];

async function buildBrowseProduct(seed: BrowseSeed, index: number): Promise<SeededProduct> {
  const product = await buildProduct(seed, index);
  return {
    ...product,
    categoryId: seed.categoryId,
    description: `${seed.name}, made to last.\n\nA product of the e2e catalogue.`,
  };
}

/**
 * The catalogue the browsing tests use: three categories (one with only a draft product),
 * seventeen active products (some tagged "featured", some sold out or low on stock, five with
 * images), a draft and an archived one; lowStockThreshold is 4, not the old constant 5.
 */
export async function seedBrowseCatalog(): Promise<BrowseCatalog> {
  const db = adminFirestore();
  const store = storeConfigSchema.parse({
    storeName: "Ember & Oak",
    currency: "USD",
    shipping: { flatCents: 500, freeOverCents: 5_000 },
    lowStockThreshold: 4,
  });
  const categories = [
    { id: "kitchen", name: "Kitchen", slug: "kitchen", position: 0 },
    { id: "garden", name: "Garden", slug: "garden", position: 1 },
    { id: "lighting", name: "Lighting", slug: "lighting", position: 2 },
  ].map(({ id, ...data }) => ({ ...categorySchema.parse(data), id }));
  const products = await Promise.all([...BROWSE_SEEDS, ...BROWSE_EXTRA].map(buildBrowseProduct));

  const batch = db.batch();
  batch.set(db.doc("config/store"), store);
  for (const { id, ...data } of categories) batch.set(db.doc(`categories/${id}`), data);
  for (const { id, ...data } of products) batch.set(db.doc(`products/${id}`), data);
  await batch.commit();

  const millis = (product: SeededProduct) => toMillis(product.createdAt);
  return {
    store,
    categories,
    active: products.filter((p) => p.status === "active").sort((a, b) => millis(b) - millis(a)),
    hidden: products.filter((p) => p.status !== "active"),
  };
}
