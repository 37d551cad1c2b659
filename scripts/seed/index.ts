import { isDeepStrictEqual } from "node:util";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import {
  categorySchema,
  productSchema,
  searchTokens,
  slugify,
  storeConfigSchema,
  type Product,
  type ProductImage,
  type ProductStatus,
} from "@hearth/domain";
import { canRenderText } from "./artwork";
import { categories, categoryOf, storeConfig } from "./catalog";
import { assertEmulatorsRunning, functionsEmulatorRunning, TargetError, useEmulators } from "./env";
import {
  artworkFor,
  deleteLegacyFiles,
  isProcessed,
  keptImages,
  storedOriginal,
  uploadArtwork,
} from "./images";
import { mapLimit } from "./pool";
import { PIPELINE_RETRY_MS, PipelineWatch } from "./pipeline";
import { products } from "./products";
import { demoAccounts, seedUsers, type DemoAccount } from "./users";

/** Product writes and Storage metadata reads: waiting on the emulators, not the CPU. */
const PRODUCT_CONCURRENCY = 8;
/**
 * Originals in the image pipeline at once (each rendered, uploaded and waited for in its slot).
 * The Functions emulator starts a worker process for every event that finds no idle one, and the
 * pipeline's three WebP writes per image are events too. Uploading all 27 at once started a
 * worker per event; on a busy machine they took over the emulator's 30 s to start, and it dropped
 * those events (it does not retry them). One or two at a time took 23–25 s on a loaded 2-core
 * machine, three 38 s: the workers' start-up, not the images, is the cost.
 */
const PIPELINE_WINDOW = 2;
/** Tries per original (see PIPELINE_RETRY_MS) before the seed gives up on it. */
const MAX_UPLOADS = 3;
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
  /** Products whose artwork the image pipeline has made into WebP sizes (all of them). */
  images: number;
  /** Originals uploaded (and processed) this run; the others were already processed from identical artwork. */
  uploaded: number;
  accounts: readonly (DemoAccount & { uid: string })[];
  elapsedMs: number;
}

type ProductFields = Omit<Product, "images" | "createdAt" | "updatedAt">;

/**
 * Writes the product as the seed defines it, keeping its images (the pipeline's entries, and any an
 * admin added), in a transaction so an image the pipeline attaches meanwhile is kept too. A product
 * already as defined is not written at all, so its timestamps stay. Returns the images it keeps.
 */
async function writeProduct(
  db: Firestore,
  id: string,
  fields: ProductFields,
  createdAt: Date,
): Promise<{ images: ProductImage[]; legacy: boolean }> {
  const ref = db.doc(`products/${id}`);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const { images: storedImages, createdAt: _c, updatedAt: _u, ...storedFields } = snap.data() ?? {};
    const kept = keptImages(id, storedImages);
    const unchanged =
      snap.exists &&
      isDeepStrictEqual(storedFields, fields) &&
      Array.isArray(storedImages) &&
      kept.images.length === storedImages.length;
    if (!unchanged) {
      const product: Product = productSchema.parse({
        ...fields,
        images: kept.images,
        createdAt,
        updatedAt: new Date(),
      });
      tx.set(ref, product);
    }
    return kept;
  });
}

/**
 * Seeds the emulators with the demo store. Ids are fixed, so running it again overwrites the
 * same documents instead of adding new ones. Product images take the real path: the seed uploads
 * each product's artwork as its original and waits for the image pipeline (the Functions
 * emulator's Storage trigger) to put the WebP sizes on the product. An original already stored
 * from the same artwork, whose entry is on the product, is not uploaded again, so a second run
 * uploads nothing and leaves the products as they are. Refuses to run against a real project.
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

    const bucket = getStorage(app).bucket(target.bucket);
    const withText = await canRenderText();
    const planned = await mapLimit(products, PRODUCT_CONCURRENCY, async (seed, index) => {
      const id = slugify(seed.name);
      const category = categoryOf(seed);
      const fields: ProductFields = productSchema
        .omit({ images: true, createdAt: true, updatedAt: true })
        .parse({
          name: seed.name,
          slug: id,
          description: seed.description,
          priceCents: seed.priceCents,
          currency: storeConfig.currency,
          categoryId: seed.categoryId,
          tags: seed.tags,
          status: seed.status ?? "active",
          stock: seed.stock,
          searchTokens: searchTokens(seed.name, seed.tags, [category.name]),
        });
      // Spread creation dates over past days so "newest first" has a meaningful order.
      const createdAt = new Date(now - (products.length - index) * DAY_MS);
      const artwork = artworkFor({ productId: id, name: seed.name, category }, withText);
      // The product first: the pipeline refuses uploads for a product that does not exist.
      const [{ images, legacy }, stored] = await Promise.all([
        writeProduct(db, id, fields, createdAt),
        storedOriginal(bucket, artwork.path),
      ]);
      if (legacy) await deleteLegacyFiles(bucket, id);
      return { fields, artwork, stored, images, processed: isProcessed(artwork, stored, images) };
    });
    log(`${planned.length} products written`);

    const toUpload = planned.filter(({ processed }) => !processed);
    if (toUpload.length > 0) {
      if ((await functionsEmulatorRunning()) === false) {
        throw new TargetError(
          "The Functions emulator is not running, and the image pipeline in it makes the product " +
            "images from the artwork the seed uploads. Start everything with `npm run dev`, or run " +
            "inside `firebase emulators:exec --only auth,firestore,storage,functions`.",
        );
      }
      log(`uploading ${toUpload.length} originals for the image pipeline…`);
      const watch = new PipelineWatch(db, { log, total: toUpload.length });
      await mapLimit(toUpload, PIPELINE_WINDOW, async ({ artwork, stored, images }) => {
        let previous = stored;
        for (let attempt = 1; ; attempt++) {
          const upload = await uploadArtwork(bucket, artwork, previous, images);
          if (await watch.attached(upload)) return;
          if (attempt === MAX_UPLOADS) {
            throw new TargetError(
              `the image pipeline did not process ${artwork.path} after ${MAX_UPLOADS} uploads`,
            );
          }
          log(`${artwork.path} not processed within ${PIPELINE_RETRY_MS / 1000} s; uploading it again`);
          // The earlier generation's files, if any come, are the pipeline's to clean up (superseded or gone).
          previous = null;
        }
      });
    } else {
      log(`all ${planned.length} product images already made from this artwork`);
    }

    const count = (status: ProductStatus): number =>
      planned.filter(({ fields }) => fields.status === status).length;
    const active = planned.filter(({ fields }) => fields.status === "active").map(({ fields }) => fields);
    return {
      projectId: target.projectId,
      bucket: target.bucket,
      categories: categories.length,
      products: { active: count("active"), draft: count("draft"), archived: count("archived") },
      lowStock: active
        .filter((product) => product.stock > 0 && product.stock <= storeConfig.lowStockThreshold)
        .map((product) => product.name),
      soldOut: active.filter((product) => product.stock === 0).map((product) => product.name),
      images: planned.length,
      uploaded: toUpload.length,
      accounts: demoAccounts.map((account) => ({ ...account, uid: uids.get(account.email) ?? "" })),
      elapsedMs: performance.now() - started,
    };
  } finally {
    await deleteApp(app);
  }
}
