import type { Page } from "playwright-core";
import { beforeAll, expect } from "vitest";
import { axeViolations, describeViolations } from "./axe";
import { UI_WAIT } from "./browser";
import { seedBrowseCatalog, type BrowseCatalog, type SeededProduct } from "./catalog-fixtures";
import { clearFirestore } from "./emulators";
import { useSite } from "./site";
import type { WebServer } from "./web-server";

export { RESULTS } from "./site";
export const PAGE_SIZE = 12;
export const NOT_FOUND = [404, 200] as const;

export type Opened = { page: Page; consoleErrors: string[] };

/** Whether a streamed not-found page is marked for robots: its status may already be 200. */
export async function showsNotFound(page: Page, heading: string): Promise<void> {
  await page.getByRole("heading", { name: heading }).waitFor();
  await expect
    .poll(() => page.locator('meta[name="robots"]').first().getAttribute("content"), UI_WAIT)
    .toContain("noindex");
}

/** The names on the shown product cards (a streamed page holds others hidden until revealed). */
export function cardNames(page: Page): Promise<string[]> {
  return page.getByTestId("product-card").filter({ visible: true }).getByRole("heading").allTextContents();
}

export async function showsCards(page: Page, products: readonly SeededProduct[]): Promise<void> {
  await expect.poll(() => cardNames(page), UI_WAIT).toEqual(products.map((product) => product.name));
}

export async function urlMatches(page: Page, pattern: RegExp): Promise<void> {
  await expect.poll(() => page.url(), UI_WAIT).toMatch(pattern);
}

export async function noAxeViolations(page: Page): Promise<void> {
  expect(describeViolations(await axeViolations(page))).toBe("");
}

export const byPrice = (a: SeededProduct, b: SeededProduct) => a.priceCents - b.priceCents;
export const byName = (a: SeededProduct, b: SeededProduct) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** One test file's storefront (useSite) over the browse catalog, seeded before the file's tests. */
export function useCatalogSite() {
  const site = useSite();
  let catalog: BrowseCatalog | undefined;

  beforeAll(async () => {
    await clearFirestore();
    catalog = await seedBrowseCatalog();
  });

  const ready = () => {
    if (!catalog) throw new Error("The catalog is not seeded yet");
    return { catalog, server: site.server, browser: site.browser };
  };

  return {
    get catalog(): BrowseCatalog {
      return ready().catalog;
    },
    get server(): WebServer {
      return ready().server;
    },
    /**
     * Opens a storefront page. A page that calls notFound() after streaming started keeps status
     * 200 (Next.js can no longer change it) and is marked noindex instead: pass both statuses then.
     */
    async open(pathname: string, expectedStatus: number | readonly number[] = 200): Promise<Opened> {
      const { server, browser } = ready();
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
    },
    inCategory(categoryId: string): SeededProduct[] {
      return ready().catalog.active.filter((product) => product.categoryId === categoryId);
    },
    product(id: string): SeededProduct {
      const { catalog } = ready();
      const found = [...catalog.active, ...catalog.hidden].find((candidate) => candidate.id === id);
      if (!found) throw new Error(`No product ${id} in the fixture`);
      return found;
    },
  };
}
