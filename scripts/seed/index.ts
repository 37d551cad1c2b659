import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import {
  categorySchema,
  imageSizes,
  productSchema,
  searchTokens,
  slugify,
  storeConfigSchema,
  type Product,
  type ProductStatus,
} from "@hearth/domain";
import { categories, categoryOf, storeConfig } from "./catalog";
import { assertEmulatorsRunning, useEmulators } from "./env";
import { generateProductImage } from "./images";
import { mapLimit } from "./pool";
import { products } from "./products";
import { demoAccounts, seedUsers, type DemoAccount } from "./users";

const IMAGE_CONCURRENCY = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SeedOptions {
  projectId?: string;
  log?: (line: string) => void;
}

export interface SeedSummary {
  projectId: string;
  bucket: string;
  categories: number;
  products: Record<ProductStatus, number>;
  lowStock: string[];
  soldOut: string[];
  images: number;
  /** Images actually rendered and uploaded; the rest were already stored from identical artwork. */
  imagesRendered: number;
  accounts: readonly (DemoAccount & { uid: string })[];
  elapsedMs: number;
}

/**
 * Seeds the emulators with the demo store. Ids are fixed, so running it again overwrites the
 * same documents and files instead of adding new ones. Refuses to run against a real project.
 */
export async function seedDemoData(options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const target = useEmulators(options.projectId);
  await assertEmulatorsRunning(target);
  const app = initializeApp(
    { projectId: target.projectId, storageBucket: target.bucket },
    `hearth-seed-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  );
  try {
    const db = getFirestore(app);
    const now = Date.now();

    await db.doc("config/store").set(storeConfigSchema.parse(storeConfig));
    const batch = db.batch();
    for (const { id, colors: _colors, pattern: _pattern, ...category } of categories) {
      batch.set(db.doc(`categories/${id}`), categorySchema.parse(category));
    }
    await batch.commit();
    log(`config and ${categories.length} categories written`);

    const uids = await seedUsers(getAuth(app), db);
    log(`${uids.size} demo accounts ready`);

    const storage = getStorage(app);
    let done = 0;
    const seeded = await mapLimit(products, IMAGE_CONCURRENCY, async (seed, index) => {
      const id = slugify(seed.name);
      const category = categoryOf(seed);
      const { image, rendered } = await generateProductImage(storage, target, {
        productId: id,
        name: seed.name,
        category,
      });
      // Spread creation dates over past days so "newest first" has a meaningful order.
      const createdAt = new Date(now - (products.length - index) * DAY_MS);
      const product: Product = productSchema.parse({
        name: seed.name,
        slug: id,
        description: seed.description,
        priceCents: seed.priceCents,
        currency: storeConfig.currency,
        categoryId: seed.categoryId,
        tags: seed.tags,
        status: seed.status ?? "active",
        stock: seed.stock,
        images: [image],
        searchTokens: searchTokens(seed.name, seed.tags, [category.name]),
        createdAt,
        updatedAt: new Date(now),
      });
      await db.doc(`products/${id}`).set(product);
      done++;
      if (done % 9 === 0 || done === products.length) log(`${done}/${products.length} products with images`);
      return { id, product, rendered };
    });

    const count = (status: ProductStatus): number =>
      seeded.filter(({ product }) => product.status === status).length;
    const active = seeded.filter(({ product }) => product.status === "active");
    return {
      projectId: target.projectId,
      bucket: target.bucket,
      categories: categories.length,
      products: { active: count("active"), draft: count("draft"), archived: count("archived") },
      lowStock: active
        .filter(({ product }) => product.stock > 0 && product.stock <= storeConfig.lowStockThreshold)
        .map(({ product }) => product.name),
      soldOut: active.filter(({ product }) => product.stock === 0).map(({ product }) => product.name),
      images: seeded.length * imageSizes.length,
      imagesRendered: seeded.filter(({ rendered }) => rendered).length * imageSizes.length,
      accounts: demoAccounts.map((account) => ({ ...account, uid: uids.get(account.email) ?? "" })),
      elapsedMs: performance.now() - started,
    };
  } finally {
    await deleteApp(app);
  }
}
