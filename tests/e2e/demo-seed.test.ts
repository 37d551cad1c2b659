import { imageSizes, productSchema, slugify, type Product } from "@hearth/domain";
import { getAuth } from "firebase-admin/auth";
import type { DocumentData } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { objectPathOf } from "../../functions/src/images/object-names";
import { seedDemoData, type SeedSummary } from "../../scripts/seed/index";
import { storeConfig } from "../../scripts/seed/catalog";
import { products } from "../../scripts/seed/products";
import { adminApp, adminFirestore, STORAGE_BUCKET } from "./support/admin";
import { launchBrowser, UI_WAIT } from "./support/browser";
import { PROJECT_ID, clearFirestore } from "./support/emulators";
import { startWebServer, type WebServer } from "./support/web-server";

// What a newcomer sees after `npm run dev`: the real seed script, the real image pipeline (the
// Functions emulator's Storage trigger) and the real storefront.
let summary: SeedSummary;
let server: WebServer;
let browser: Browser;

const seeded = products.map((product) => ({ id: slugify(product.name), name: product.name }));
const originalOf = (id: string): string => `products/${id}/original/artwork.jpg`;
/** A derived file of the pipeline, as it appears (encoded) in a download URL. */
const derivedUrl = (id: string, size: string): RegExp =>
  new RegExp(`/o/products%2F${id}%2Fimages%2F[0-9a-f]{12}-\\d+-${size}\\.webp\\?`);

/** Every seeded product's document, by id. */
async function productDocs(): Promise<Map<string, DocumentData | undefined>> {
  const db = adminFirestore();
  const snaps = await db.getAll(...seeded.map(({ id }) => db.doc(`products/${id}`)));
  return new Map(snaps.map((snap) => [snap.id, snap.data()]));
}

async function product(id: string): Promise<Product> {
  return productSchema.parse((await adminFirestore().doc(`products/${id}`).get()).data());
}

/** Every stored file of the seeded products, with its generation (a new one on every write). */
async function storedFiles(prefix = "products/"): Promise<Record<string, string>> {
  const [files] = await getStorage(adminApp()).bucket(STORAGE_BUCKET).getFiles({ prefix });
  const ours = new Set(seeded.map(({ id }) => id));
  return Object.fromEntries(
    files
      .filter((file) => ours.has(file.name.split("/")[1] ?? ""))
      .map((file) => [file.name, String(file.metadata.generation)]),
  );
}

beforeAll(async () => {
  // A newcomer's first run: no documents, and no files other test files left under products/.
  await Promise.all([
    clearFirestore(),
    getStorage(adminApp()).bucket(STORAGE_BUCKET).deleteFiles({ prefix: "products/" }),
  ]);
  summary = await seedDemoData({ projectId: PROJECT_ID });
  server = await startWebServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the demo seed", () => {
  it("seeds the store the README promises, its images made by the image pipeline", async () => {
    expect(summary.categories).toBeGreaterThanOrEqual(3);
    expect(summary.products.active).toBeGreaterThanOrEqual(24);
    const total = summary.products.active + summary.products.draft + summary.products.archived;
    expect(total).toBe(seeded.length);
    expect(summary.images).toBe(total);
    // Firestore was cleared, so no product had its image entry: every original went up.
    expect(summary.uploaded).toBe(total);

    const auth = getAuth(adminApp());
    const admin = await auth.getUserByEmail("admin@hearth.test");
    const shopper = await auth.getUserByEmail("shopper@hearth.test");
    expect(admin.customClaims?.admin).toBe(true);
    expect(shopper.customClaims?.admin).toBeUndefined();

    const files = await storedFiles();
    for (const { id, name } of seeded) {
      const { images } = await product(id);
      expect(images, id).toHaveLength(1);
      const [image] = images;
      expect(image, id).toMatchObject({ path: originalOf(id), width: 1200, height: 900, alt: name });
      expect(image?.placeholder, id).toMatch(/^data:image\/webp;base64,/);
      for (const size of imageSizes) expect(image?.urls[size], `${id} ${size}`).toMatch(derivedUrl(id, size));
      // The original and the three sizes of this upload; nothing of an earlier one is left.
      const names = Object.keys(files).filter((file) => file.startsWith(`products/${id}/`));
      const derived = imageSizes.map((size) => objectPathOf(image?.urls[size] ?? ""));
      expect(names.sort(), id).toEqual([originalOf(id), ...derived].sort());
    }

    const { images } = await product(seeded[0]?.id ?? "");
    for (const size of imageSizes) {
      const response = await fetch(images[0]?.urls[size] ?? "");
      expect(response.status, size).toBe(200);
      expect(response.headers.get("content-type"), size).toBe("image/webp");
      const { format, width } = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect({ format, width }, size).toEqual({
        format: "webp",
        width: { thumb: 160, card: 480, full: 1200 }[size],
      });
    }
  });

  it("shows the seeded catalogue, with images that load, on the home page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(server.url, { waitUntil: "load" });
    expect(response?.status(), server.output()).toBe(200);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([storeConfig.storeName]);

    // A streamed page holds its cards in a hidden container until React reveals them.
    const cards = page.getByTestId("product-card").filter({ visible: true });
    // The seed tags nothing "featured", so home shows the 8 newest products.
    await expect.poll(() => cards.count(), UI_WAIT).toBe(Math.min(summary.products.active, 8));
    const first = cards.first().locator("picture img");
    await first.scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          first.evaluate(
            (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth,
          ),
        UI_WAIT,
      )
      .toBeGreaterThan(0);
    // The picture is one of the pipeline's sizes.
    const source = await first.evaluate((img: { currentSrc: string }) => img.currentSrc);
    expect(source).toMatch(/\/o\/products%2F[^%]+%2Fimages%2F[0-9a-f]{12}-\d+-(thumb|card|full)\.webp\?/);
    // Until a picture arrives, its box shows the pipeline's placeholder.
    await expect
      .poll(
        () => first.evaluate((img: { style: { backgroundImage: string } }) => img.style.backgroundImage),
        UI_WAIT,
      )
      .toMatch(/^url\("data:image\/webp;base64,/);
    await page.close();
  });

  it("is idempotent: a second run uploads no original, and products and images stay as they are", async () => {
    const count = async (): Promise<number> =>
      (await adminFirestore().collection("products").count().get()).data().count;
    const [countBefore, docsBefore, filesBefore] = await Promise.all([count(), productDocs(), storedFiles()]);

    const again = await seedDemoData({ projectId: PROJECT_ID });

    expect(again.uploaded).toBe(0);
    expect(again.images).toBe(seeded.length);
    expect(await count()).toBe(countBefore);
    // Not even rewritten: the timestamps are the same too.
    expect(await productDocs()).toEqual(docsBefore);
    // Same generations: no original was written, so the pipeline had nothing to process.
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("uploads a product's artwork again when its image entry is gone, and only that one", async () => {
    const id = seeded[0]?.id ?? "";
    const [lost] = (await product(id)).images;
    const filesBefore = await storedFiles(`products/${id}/`);
    await adminFirestore().doc(`products/${id}`).update({ images: [] });

    const again = await seedDemoData({ projectId: PROJECT_ID });

    expect(again.uploaded).toBe(1);
    const { images } = await product(id);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({ path: originalOf(id), width: 1200, height: 900 });
    expect(images[0]?.urls.full).not.toBe(lost?.urls.full);
    // A new generation of the original, three new sizes, and the lost entry's sizes deleted.
    const filesAfter = await storedFiles(`products/${id}/`);
    expect(Object.keys(filesAfter)).toHaveLength(4);
    expect(filesAfter[originalOf(id)]).not.toBe(filesBefore[originalOf(id)]);
    for (const name of Object.keys(filesBefore)) {
      if (name !== originalOf(id)) expect(Object.keys(filesAfter)).not.toContain(name);
    }
  });
});
