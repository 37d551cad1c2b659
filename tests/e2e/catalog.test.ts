import { mkdir } from "node:fs/promises";
import path from "node:path";
import { formatMoney, searchQueryToken } from "@hearth/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, describeViolations } from "./support/axe";
import { launchBrowser, UI_WAIT } from "./support/browser";
import { seedBrowseCatalog, type BrowseCatalog, type SeededProduct } from "./support/catalog-fixtures";
import { clearFirestore } from "./support/emulators";
import { startWebServer, type WebServer } from "./support/web-server";

const RESULTS = path.resolve("test-results");
const PAGE_SIZE = 12;
const NOT_FOUND = [404, 200] as const;

let catalog: BrowseCatalog;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  await clearFirestore();
  catalog = await seedBrowseCatalog();
  server = await startWebServer();
  browser = await launchBrowser();
  await mkdir(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Opened = { page: Page; consoleErrors: string[] };

/** Whether a streamed not-found page is marked for robots: its status may already be 200. */
async function showsNotFound(page: Page, heading: string): Promise<void> {
  await page.getByRole("heading", { name: heading }).waitFor();
  await expect
    .poll(() => page.locator('meta[name="robots"]').first().getAttribute("content"), UI_WAIT)
    .toContain("noindex");
}

/**
 * Opens a storefront page. A page that calls notFound() after streaming started keeps status 200
 * (Next.js can no longer change it) and is marked noindex instead: pass both statuses then.
 */
async function open(pathname: string, expectedStatus: number | readonly number[] = 200): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`${response.status()} ${response.url()}`);
  });
  const response = await page.goto(`${server.url}${pathname}`, { waitUntil: "load" });
  const allowed = typeof expectedStatus === "number" ? [expectedStatus] : expectedStatus;
  expect(allowed, server.output()).toContain(response?.status());
  return { page, consoleErrors };
}

/** The names on the shown product cards (a streamed page holds others hidden until revealed). */
function cardNames(page: Page): Promise<string[]> {
  return page.getByTestId("product-card").filter({ visible: true }).getByRole("heading").allTextContents();
}

async function showsCards(page: Page, products: readonly SeededProduct[]): Promise<void> {
  await expect.poll(() => cardNames(page), UI_WAIT).toEqual(products.map((product) => product.name));
}

async function urlMatches(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.url(), UI_WAIT).toMatch(pattern);
}

async function noAxeViolations(page: Page): Promise<void> {
  expect(describeViolations(await axeViolations(page))).toBe("");
}

const inCategory = (categoryId: string) =>
  catalog.active.filter((product) => product.categoryId === categoryId);
const byPrice = (a: SeededProduct, b: SeededProduct) => a.priceCents - b.priceCents;
const byName = (a: SeededProduct, b: SeededProduct) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
function product(id: string): SeededProduct {
  const found = [...catalog.active, ...catalog.hidden].find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No product ${id} in the fixture`);
  return found;
}

describe("home", () => {
  it("shows the featured products and the categories, which lead to their pages", async () => {
    const { page, consoleErrors } = await open("/");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([catalog.store.storeName]);
    await page.getByRole("heading", { name: "Featured", level: 2 }).waitFor();
    // Tagged "featured", newest first; the draft Brass Lamp is tagged too but never shown.
    await showsCards(
      page,
      catalog.active.filter((candidate) => candidate.tags.includes("featured")),
    );
    const categories = page.getByTestId("home-categories").getByRole("link");
    await expect
      .poll(() => categories.allTextContents(), UI_WAIT)
      .toEqual(catalog.categories.map((c) => c.name));
    await noAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, "catalog-home.png"), fullPage: true });

    await categories.filter({ hasText: "Garden" }).click();
    await urlMatches(page, /\/categories\/garden$/);
    await showsCards(page, inCategory("garden"));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("links every product card to its product page", async () => {
    const { page } = await open("/");
    const teapot = product("ceramic-teapot");
    await page.getByRole("link", { name: teapot.name, exact: true }).click();
    await urlMatches(page, /\/products\/ceramic-teapot$/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([teapot.name]);
    await page.close();
  });
});

describe("category page", () => {
  it("pages forward and back by cursor, in the URL, and the back button retraces", async () => {
    const kitchen = inCategory("kitchen");
    expect(kitchen.length).toBeGreaterThan(PAGE_SIZE);
    const firstPage = kitchen.slice(0, PAGE_SIZE);
    const secondPage = kitchen.slice(PAGE_SIZE);

    const { page, consoleErrors } = await open("/categories/kitchen");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual(["Kitchen"]);
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect
      .poll(() => breadcrumb.getByRole("link").allTextContents(), UI_WAIT)
      .toEqual(["Home", "All products"]);
    await showsCards(page, firstPage);
    await expect.poll(() => page.getByRole("link", { name: /Previous page/ }).count(), UI_WAIT).toBe(0);
    await noAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, "catalog-category.png"), fullPage: true });

    await page.getByRole("link", { name: /Next page/ }).click();
    await urlMatches(page, /\/categories\/kitchen\?after=/);
    await showsCards(page, secondPage);
    await expect.poll(() => page.getByRole("link", { name: /Next page/ }).count(), UI_WAIT).toBe(0);

    await page.getByRole("link", { name: /Previous page/ }).click();
    await urlMatches(page, /\/categories\/kitchen\?before=/);
    await showsCards(page, firstPage);

    await page.goBack();
    await urlMatches(page, /\?after=/);
    await showsCards(page, secondPage);

    // The URL alone restores the page: open it in a fresh tab.
    const shared = page.url();
    const { page: fresh } = await open(new URL(shared).pathname + new URL(shared).search);
    await showsCards(fresh, secondPage);
    expect(consoleErrors).toEqual([]);
    await fresh.close();
    await page.close();
  });

  it("shows not found, marked noindex, for an unknown category", async () => {
    const { page } = await open("/categories/no-such-thing", NOT_FOUND);
    await showsNotFound(page, "Category not found");
    await page.close();
  });
});

describe("all products", () => {
  it("filters by price range and stock and sorts, through a GET form", async () => {
    const { page, consoleErrors } = await open("/products");
    await showsCards(page, catalog.active.slice(0, PAGE_SIZE));
    await noAxeViolations(page);

    await page.getByLabel("Min price (USD)").fill("15");
    await page.getByLabel("Max price (USD)").fill("45");
    await page.getByLabel("In stock only").check();
    await page.getByLabel("Sort by").selectOption({ label: "Price: low to high" });
    await page.getByRole("button", { name: "Apply" }).click();
    // A GET form also sends its empty fields (q=&tag=); the page treats them as unset.
    for (const part of [/min=15(&|$)/, /max=45(&|$)/, /stock=1(&|$)/, /sort=price-asc(&|$)/]) {
      await urlMatches(page, part);
    }
    const inRange = catalog.active.filter(
      (p) => p.priceCents >= 1_500 && p.priceCents <= 4_500 && p.stock > 0,
    );
    expect(inRange.length).toBeGreaterThan(3);
    await showsCards(page, [...inRange].sort(byPrice));
    await expect
      .poll(() => page.getByTestId("product-price").filter({ visible: true }).allTextContents(), UI_WAIT)
      .toEqual([...inRange].sort(byPrice).map((p) => formatMoney(p.priceCents, p.currency)));
    await page.screenshot({ path: path.join(RESULTS, "catalog-filtered.png"), fullPage: true });

    await page.getByLabel("Sort by").selectOption({ label: "Price: high to low" });
    await page.getByRole("button", { name: "Apply" }).click();
    await urlMatches(page, /sort=price-desc/);
    await showsCards(page, [...inRange].sort(byPrice).reverse());
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("pages through every product by name without gaps or repeats", async () => {
    const sorted = [...catalog.active].sort(byName);
    const { page } = await open("/products?sort=name");
    await showsCards(page, sorted.slice(0, PAGE_SIZE));
    await page.getByRole("link", { name: /Next page/ }).click();
    await urlMatches(page, /sort=name&after=/);
    await showsCards(page, sorted.slice(PAGE_SIZE));
    await page.close();
  });

  it("filters by a tag, reached from a product page's tag link", async () => {
    const { page } = await open("/products/linen-apron");
    await page.getByRole("link", { name: "textiles", exact: true }).click();
    await urlMatches(page, /\/products\?tag=textiles$/);
    await showsCards(
      page,
      catalog.active.filter((p) => p.tags.includes("textiles")),
    );
    await expect.poll(() => page.getByLabel("Tag").inputValue(), UI_WAIT).toBe("textiles");
    await page.close();
  });

  it("searches by the longest word of the query, over the search tokens", async () => {
    const { page } = await open("/products");
    await page.getByLabel("Search").fill("linen");
    await page.getByLabel("Search").press("Enter");
    await urlMatches(page, /\/products\?q=linen&/);
    await page.getByRole("heading", { name: "Results for “linen”" }).waitFor();
    const token = searchQueryToken("linen") ?? "";
    await showsCards(
      page,
      catalog.active.filter((p) => p.searchTokens.includes(token)),
    );

    await page.goto(`${server.url}/products?q=cast+skil`, { waitUntil: "load" });
    await showsCards(page, [product("cast-iron-skillet")]);

    // One array-contains per query: a tag cannot narrow a search, and the page says so.
    await page.goto(`${server.url}/products?q=linen&tag=wood`, { waitUntil: "load" });
    await page.getByText("Search cannot be combined with a tag").waitFor();
    await showsCards(
      page,
      catalog.active.filter((p) => p.searchTokens.includes(token)),
    );
    await page.close();
  });
});

describe("product page", () => {
  it("shows price, stock from config/store, breadcrumbs, images and related products", async () => {
    const kettle = product("copper-kettle");
    const { page, consoleErrors } = await open("/products/copper-kettle");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([kettle.name]);
    await expect
      .poll(() => page.locator("main").getByTestId("product-price").first().textContent(), UI_WAIT)
      .toBe(formatMoney(kettle.priceCents, kettle.currency));
    // lowStockThreshold is 4 in this store: 4 left is low.
    await expect.poll(() => page.getByTestId("stock-status").textContent(), UI_WAIT).toBe("Only 4 left");
    const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    await expect
      .poll(() => breadcrumb.getByRole("link").allTextContents(), UI_WAIT)
      .toEqual(["Home", "Kitchen"]);
    await expect
      .poll(() => breadcrumb.locator('[aria-current="page"]').textContent(), UI_WAIT)
      .toBe(kettle.name);

    const image = page.getByTestId("product-image");
    await expect.poll(() => image.getAttribute("width"), UI_WAIT).toBe("1200");
    await expect.poll(() => image.getAttribute("height"), UI_WAIT).toBe("900");
    await expect
      .poll(
        () =>
          image.evaluate(
            (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth,
          ),
        UI_WAIT,
      )
      .toBeGreaterThan(0);

    const related = page.getByRole("region", { name: "More from Kitchen" });
    const relatedNames = () => related.getByTestId("product-card").getByRole("heading").allTextContents();
    await expect.poll(relatedNames, UI_WAIT).toHaveLength(4);
    const names = await relatedNames();
    expect(names).not.toContain(kettle.name);
    const kitchenNames = inCategory("kitchen").map((p) => p.name);
    for (const name of names) expect(kitchenNames).toContain(name);

    await noAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, "catalog-product.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId("stock-status").isVisible(), UI_WAIT).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, "catalog-product-mobile.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("says in stock or sold out by the configured threshold, not a constant", async () => {
    const cases = [
      ["walnut-cutting-board", "In stock"], // 5 left: low under the old constant of 5, not under 4
      ["chef-knife", "Only 2 left"],
      ["beeswax-candle", "Sold out"],
    ] as const;
    for (const [slug, text] of cases) {
      const { page } = await open(`/products/${slug}`);
      await expect.poll(() => page.getByTestId("stock-status").textContent(), UI_WAIT).toBe(text);
      await page.close();
    }
  });

  it("has a title, description, canonical URL and Open Graph image", async () => {
    const kettle = product("copper-kettle");
    const { page } = await open("/products/copper-kettle");
    await expect.poll(() => page.title(), UI_WAIT).toBe(`${kettle.name} · ${catalog.store.storeName}`);
    const attribute = (selector: string, name: string) => page.locator(selector).getAttribute(name);
    await expect
      .poll(() => attribute('link[rel="canonical"]', "href"), UI_WAIT)
      .toBe(`${server.url}/products/copper-kettle`);
    await expect
      .poll(() => attribute('meta[property="og:image"]', "content"), UI_WAIT)
      .toBe(kettle.images[0]?.urls.full);
    await expect
      .poll(() => attribute('meta[property="og:url"]', "content"), UI_WAIT)
      .toBe(`${server.url}/products/copper-kettle`);
    await expect
      .poll(() => attribute('meta[name="description"]', "content"), UI_WAIT)
      .toBe(kettle.description.replace(/\s+/g, " "));
    await page.close();
  });

  it("shows not found, marked noindex, for unknown, draft and archived products", async () => {
    const hiddenNames = catalog.hidden.map((hidden) => hidden.name);
    for (const slug of ["no-such-product", ...catalog.hidden.map((hidden) => hidden.slug)]) {
      const { page } = await open(`/products/${slug}`, NOT_FOUND);
      await showsNotFound(page, "Product not found");
      const text = await page.locator("main").innerText();
      for (const name of hiddenNames) expect(text).not.toContain(name);
      await page.close();
    }
  });
});
