import path from "node:path";
import { formatMoney, searchQueryToken } from "@hearth/domain";
import { describe, expect, it } from "vitest";
import { UI_WAIT } from "./support/browser";
import {
  byName,
  byPrice,
  NOT_FOUND,
  noAxeViolations,
  PAGE_SIZE,
  RESULTS,
  showsCards,
  showsNotFound,
  urlMatches,
  useCatalogSite,
} from "./support/catalog-site";

const site = useCatalogSite();

describe("home", () => {
  it("shows the featured products and the categories, which lead to their pages", async () => {
    const { page, consoleErrors } = await site.open("/");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).allTextContents(), UI_WAIT)
      .toEqual([site.catalog.store.storeName]);
    await page.getByRole("heading", { name: "Featured", level: 2 }).waitFor();
    // Tagged "featured", newest first; the draft Brass Lamp is tagged too but never shown.
    await showsCards(
      page,
      site.catalog.active.filter((candidate) => candidate.tags.includes("featured")),
    );
    const categories = page.getByTestId("home-categories").getByRole("link");
    await expect
      .poll(() => categories.allTextContents(), UI_WAIT)
      .toEqual(site.catalog.categories.map((c) => c.name));
    await noAxeViolations(page);
    await page.screenshot({ path: path.join(RESULTS, "catalog-home.png"), fullPage: true });

    await categories.filter({ hasText: "Garden" }).click();
    await urlMatches(page, /\/categories\/garden$/);
    await showsCards(page, site.inCategory("garden"));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("links every product card to its product page", async () => {
    const { page } = await site.open("/");
    const teapot = site.product("ceramic-teapot");
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
    const kitchen = site.inCategory("kitchen");
    expect(kitchen.length).toBeGreaterThan(PAGE_SIZE);
    const firstPage = kitchen.slice(0, PAGE_SIZE);
    const secondPage = kitchen.slice(PAGE_SIZE);

    const { page, consoleErrors } = await site.open("/categories/kitchen");
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
    const { page: fresh } = await site.open(new URL(shared).pathname + new URL(shared).search);
    await showsCards(fresh, secondPage);
    expect(consoleErrors).toEqual([]);
    await fresh.close();
    await page.close();
  });

  it("shows not found, marked noindex, for an unknown category", async () => {
    const { page } = await site.open("/categories/no-such-thing", NOT_FOUND);
    await showsNotFound(page, "Category not found");
    await page.close();
  });
});

describe("all products", () => {
  it("filters by price range and stock and sorts, through a GET form", async () => {
    const { page, consoleErrors } = await site.open("/products");
    await showsCards(page, site.catalog.active.slice(0, PAGE_SIZE));
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
    const inRange = site.catalog.active.filter(
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
    const sorted = [...site.catalog.active].sort(byName);
    const { page } = await site.open("/products?sort=name");
    await showsCards(page, sorted.slice(0, PAGE_SIZE));
    await page.getByRole("link", { name: /Next page/ }).click();
    await urlMatches(page, /sort=name&after=/);
    await showsCards(page, sorted.slice(PAGE_SIZE));
    await page.close();
  });

  it("filters by a tag, reached from a product page's tag link", async () => {
    const { page } = await site.open("/products/linen-apron");
    await page.getByRole("link", { name: "textiles", exact: true }).click();
    await urlMatches(page, /\/products\?tag=textiles$/);
    await showsCards(
      page,
      site.catalog.active.filter((p) => p.tags.includes("textiles")),
    );
    await expect.poll(() => page.getByLabel("Tag").inputValue(), UI_WAIT).toBe("textiles");
    await page.close();
  });

  it("searches by the longest word of the query, over the search tokens", async () => {
    const { page } = await site.open("/products");
    await page.getByLabel("Search").fill("linen");
    await page.getByLabel("Search").press("Enter");
    await urlMatches(page, /\/products\?q=linen&/);
    await page.getByRole("heading", { name: "Results for “linen”" }).waitFor();
    const token = searchQueryToken("linen") ?? "";
    await showsCards(
      page,
      site.catalog.active.filter((p) => p.searchTokens.includes(token)),
    );

    await page.goto(`${site.server.url}/products?q=cast+skil`, { waitUntil: "load" });
    await showsCards(page, [site.product("cast-iron-skillet")]);

    // One array-contains per query: a tag cannot narrow a search, and the page says so.
    await page.goto(`${site.server.url}/products?q=linen&tag=wood`, { waitUntil: "load" });
    await page.getByText("Search cannot be combined with a tag").waitFor();
    await showsCards(
      page,
      site.catalog.active.filter((p) => p.searchTokens.includes(token)),
    );
    await page.close();
  });
});
