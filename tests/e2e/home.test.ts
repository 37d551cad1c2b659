import { mkdir } from "node:fs/promises";
import path from "node:path";
import { formatMoney, toMillis } from "@hearth/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, UI_WAIT } from "./support/browser";
import { seedCatalog, type SeededCatalog, type SeededProduct } from "./support/catalog-fixtures";
import { clearFirestore } from "./support/emulators";
import { startWebServer, type WebServer } from "./support/web-server";

const SCREENSHOT = path.resolve("test-results/home.png");

let catalog: SeededCatalog;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  await clearFirestore();
  catalog = await seedCatalog();
  // One after the other, so afterAll can always stop what did start.
  server = await startWebServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openHome(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await page.goto(server.url, { waitUntil: "load" });
  expect(response?.status(), server.output()).toBe(200);
  return page;
}

/** Matches only a shown card: getByRole skips cards a streamed page still holds hidden. */
function card(page: Page, productName: string) {
  return page.getByTestId("product-card").filter({ has: page.getByRole("heading", { name: productName }) });
}

/** With no product tagged "featured", home shows the newest: the fixture's, newest first. */
function newestFirst(products: readonly SeededProduct[]): SeededProduct[] {
  return [...products].sort((a, b) => toMillis(b.createdAt) - toMillis(a.createdAt));
}

/** Waits until the page shows exactly these cards, in this order. */
async function showsCards(page: Page, products: readonly { name: string }[]): Promise<void> {
  await expect
    .poll(() => page.getByTestId("product-card").getByRole("heading").allTextContents(), UI_WAIT)
    .toEqual(products.map((product) => product.name));
}

describe("home page", () => {
  it("shows the store name from config/store", async () => {
    const page = await openHome();
    const name = catalog.store.storeName;
    await expect.poll(() => page.getByTestId("store-name").allTextContents(), UI_WAIT).toEqual([name]);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([name]);
    await expect.poll(() => page.title(), UI_WAIT).toBe(name);
    await page.close();
  });

  it("shows the newest active products as new arrivals, with formatted prices", async () => {
    const page = await openHome();
    await page.getByRole("heading", { name: "New arrivals", level: 2 }).waitFor();
    await showsCards(page, newestFirst(catalog.active));
    await expect.poll(() => page.getByTestId("product-card").count(), UI_WAIT).toBe(catalog.active.length);
    await expect
      .poll(() => page.getByTestId("product-price").filter({ visible: true }).allTextContents(), UI_WAIT)
      .toEqual(
        newestFirst(catalog.active).map((product) => formatMoney(product.priceCents, product.currency)),
      );

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-mobile.png"), fullPage: true });
    await page.close();
  });

  it("never shows draft or archived products", async () => {
    const page = await openHome();
    await showsCards(page, newestFirst(catalog.active));
    const text = await page.locator("main").innerText();
    expect(catalog.hidden.length).toBeGreaterThan(0);
    for (const product of catalog.hidden) {
      expect(text).not.toContain(product.name);
    }
    await page.close();
  });

  it("flags low and sold-out stock and serves responsive images", async () => {
    const page = await openHome();
    await showsCards(page, newestFirst(catalog.active));
    for (const product of catalog.active) {
      const text = await card(page, product.name).innerText();
      expect(text.includes("Sold out"), product.name).toBe(product.stock === 0);
      expect(text.includes(`Only ${product.stock} left`), product.name).toBe(
        product.stock > 0 && product.stock <= catalog.store.lowStockThreshold,
      );

      const image = card(page, product.name).locator("picture img");
      const firstImage = product.images[0];
      await expect.poll(() => image.count(), { ...UI_WAIT, message: product.name }).toBe(firstImage ? 1 : 0);
      if (firstImage) {
        const source = card(page, product.name).locator("picture source");
        await expect
          .poll(() => source.getAttribute("srcset"), UI_WAIT)
          .toBe(`${firstImage.urls.thumb} 160w, ${firstImage.urls.card} 480w, ${firstImage.urls.full} 1200w`);
        await expect.poll(() => image.getAttribute("alt"), UI_WAIT).toBe(firstImage.alt);
        await expect
          .poll(
            () =>
              image.evaluate(
                (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0,
              ),
            UI_WAIT,
          )
          .toBe(true);
      }
    }
    await page.close();
  });
});
