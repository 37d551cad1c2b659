import path from "node:path";
import { formatMoney } from "@hearth/domain";
import { describe, expect, it } from "vitest";
import { UI_WAIT } from "./support/browser";
import { NOT_FOUND, noAxeViolations, RESULTS, showsNotFound, useCatalogSite } from "./support/catalog-site";

const site = useCatalogSite();

describe("product page", () => {
  it("shows price, stock from config/store, breadcrumbs, images and related products", async () => {
    const kettle = site.product("copper-kettle");
    const { page, consoleErrors } = await site.open("/products/copper-kettle");
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
    const kitchenNames = site.inCategory("kitchen").map((p) => p.name);
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
      const { page } = await site.open(`/products/${slug}`);
      await expect.poll(() => page.getByTestId("stock-status").textContent(), UI_WAIT).toBe(text);
      await page.close();
    }
  });

  it("has a title, description, canonical URL and Open Graph image", async () => {
    const kettle = site.product("copper-kettle");
    const { page } = await site.open("/products/copper-kettle");
    await expect.poll(() => page.title(), UI_WAIT).toBe(`${kettle.name} · ${site.catalog.store.storeName}`);
    const attribute = (selector: string, name: string) => page.locator(selector).getAttribute(name);
    await expect
      .poll(() => attribute('link[rel="canonical"]', "href"), UI_WAIT)
      .toBe(`${site.server.url}/products/copper-kettle`);
    await expect
      .poll(() => attribute('meta[property="og:image"]', "content"), UI_WAIT)
      .toBe(kettle.images[0]?.urls.full);
    await expect
      .poll(() => attribute('meta[property="og:url"]', "content"), UI_WAIT)
      .toBe(`${site.server.url}/products/copper-kettle`);
    await expect
      .poll(() => attribute('meta[name="description"]', "content"), UI_WAIT)
      .toBe(kettle.description.replace(/\s+/g, " "));
    await page.close();
  });

  it("shows not found, marked noindex, for unknown, draft and archived products", async () => {
    const hiddenNames = site.catalog.hidden.map((hidden) => hidden.name);
    for (const slug of ["no-such-product", ...site.catalog.hidden.map((hidden) => hidden.slug)]) {
      const { page } = await site.open(`/products/${slug}`, NOT_FOUND);
      await showsNotFound(page, "Product not found");
      const text = await page.locator("main").innerText();
      for (const name of hiddenNames) expect(text).not.toContain(name);
      await page.close();
    }
  });
});
