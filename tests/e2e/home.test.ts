import { mkdir } from "node:fs/promises";
import path from "node:path";
import { formatMoney } from "@hearth/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { seedCatalog, type SeededCatalog } from "./support/catalog-fixtures";
import { clearFirestore } from "./support/emulators";
import { startWebServer, type WebServer } from "./support/web-server";

const SCREENSHOT = path.resolve("test-results/home.png");
/** The storefront's "Only N left" limit (apps/web/components/product-card.tsx). */
const LOW_STOCK_LIMIT = 5;

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

function card(page: Page, productName: string) {
  return page.getByTestId("product-card").filter({ has: page.getByRole("heading", { name: productName }) });
}

describe("home page", () => {
  it("shows the store name from config/store", async () => {
    const page = await openHome();
    expect(await page.getByTestId("store-name").textContent()).toBe(catalog.store.storeName);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(catalog.store.storeName);
    expect(await page.title()).toBe(catalog.store.storeName);
    await page.close();
  });

  it("lists every active product with its formatted price, by name", async () => {
    const page = await openHome();
    const cards = page.getByTestId("product-card");
    expect(await cards.count()).toBe(catalog.active.length);
    expect(await cards.getByRole("heading").allTextContents()).toEqual(catalog.active.map((p) => p.name));

    for (const product of catalog.active) {
      const price = card(page, product.name).getByTestId("product-price");
      expect(await price.isVisible()).toBe(true);
      expect(await price.textContent()).toBe(formatMoney(product.priceCents, product.currency));
    }

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, "-mobile.png"), fullPage: true });
    await page.close();
  });

  it("never shows draft or archived products", async () => {
    const page = await openHome();
    const text = await page.locator("main").innerText();
    expect(catalog.hidden.length).toBeGreaterThan(0);
    for (const product of catalog.hidden) {
      expect(text).not.toContain(product.name);
    }
    await page.close();
  });

  it("flags low and sold-out stock and serves responsive images", async () => {
    const page = await openHome();
    for (const product of catalog.active) {
      const text = await card(page, product.name).innerText();
      expect(text.includes("Sold out"), product.name).toBe(product.stock === 0);
      expect(text.includes(`Only ${product.stock} left`), product.name).toBe(
        product.stock > 0 && product.stock <= LOW_STOCK_LIMIT,
      );

      const image = card(page, product.name).locator("picture img");
      const firstImage = product.images[0];
      expect(await image.count(), product.name).toBe(firstImage ? 1 : 0);
      if (firstImage) {
        const source = card(page, product.name).locator("picture source");
        expect(await source.getAttribute("srcset")).toBe(
          `${firstImage.urls.thumb} 160w, ${firstImage.urls.card} 480w, ${firstImage.urls.full} 1200w`,
        );
        expect(await image.getAttribute("alt")).toBe(firstImage.alt);
        await expect
          .poll(() =>
            image.evaluate(
              (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth > 0,
            ),
          )
          .toBe(true);
      }
    }
    await page.close();
  });
});
