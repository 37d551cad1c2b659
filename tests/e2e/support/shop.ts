import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { beforeEach, expect } from "vitest";
import { adminFirestore } from "./admin";
import { describeViolations, axeViolations } from "./axe";
import { UI_WAIT } from "./browser";
import { clearAuth } from "./auth-emulator";
import { seedCatalog, type SeededCatalog, type SeededProduct } from "./catalog-fixtures";
import { clearFirestore } from "./emulators";
import { useSite, type Site } from "./site";
import { startStorefront } from "./storefront";

/** Where the onOrderCreated trigger's pricing and the webhook can take a while on a busy machine. */
export const SAGA_WAIT = { timeout: 60_000 } as const;

/** Adds a product on its product page, as a shopper does, and waits for the confirmation. */
export async function addToCart(page: Page, origin: string, slug: string, quantity: number): Promise<void> {
  await page.goto(`${origin}/products/${slug}`, { waitUntil: "load" });
  const button = page.getByRole("button", { name: "Add to cart" });
  await expect.poll(() => button.isEnabled(), UI_WAIT).toBe(true);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  await button.click();
  await page
    .getByRole("status")
    .filter({ hasText: `Added ${quantity} ×` })
    .waitFor(UI_WAIT);
}

/** Writes users/{uid}/cart the way the storefront does (the rules' {quantity, addedAt}). */
export async function seedAccountCart(uid: string, lines: Record<string, number>): Promise<void> {
  const batch = adminFirestore().batch();
  Object.entries(lines).forEach(([productId, quantity], index) => {
    batch.set(adminFirestore().doc(`users/${uid}/cart/${productId}`), {
      quantity,
      addedAt: new Date(Date.UTC(2025, 0, 1, 0, index)),
    });
  });
  await batch.commit();
}

export async function accountCart(uid: string): Promise<Record<string, number>> {
  const snapshot = await adminFirestore().collection(`users/${uid}/cart`).get();
  return Object.fromEntries(snapshot.docs.map((doc) => [doc.id, Number(doc.get("quantity"))]));
}

/** The order id of the local provider's checkout page the browser is on (`/pay/{id}`). */
export function payPageOrderId(page: Page): string {
  const match = /^\/pay\/([^/]+)$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`Not on a pay page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** The order page's status panel (`data-status` is the order's status). */
export function orderStatus(page: Page) {
  return page.getByTestId("order-status").filter({ visible: true });
}

export async function statusOf(page: Page): Promise<string | null> {
  const panel = orderStatus(page);
  return (await panel.count()) === 1 ? panel.getAttribute("data-status") : null;
}

/** Counts the page's document loads (each reload is one): a live update must not need one. */
export function countDocumentLoads(page: Page): () => number {
  let loads = 0;
  page.on("load", () => {
    loads += 1;
  });
  return () => loads;
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve("test-results", `${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let seeded: SeededCatalog | null = null;

/**
 * An empty Firestore with the fixture catalogue. Its pictures are uploaded to Storage once per file
 * (the first call); later calls only write the documents again, which is faster and spares the
 * Storage emulator dozens of uploads per file.
 */
export async function resetShop(): Promise<SeededCatalog> {
  await clearFirestore();
  if (!seeded) {
    seeded = await seedCatalog();
    return seeded;
  }
  const db = adminFirestore();
  const batch = db.batch();
  const { store, category, active, hidden } = seeded;
  batch.set(db.doc("config/store"), store);
  const { id: categoryId, ...categoryData } = category;
  batch.set(db.doc(`categories/${categoryId}`), categoryData);
  for (const { id, ...data } of [...active, ...hidden]) batch.set(db.doc(`products/${id}`), data);
  await batch.commit();
  return seeded;
}

export interface Shop extends Site {
  /** This test's catalogue and browser context (a fresh one per test, closed after it). */
  readonly catalog: SeededCatalog;
  readonly context: BrowserContext;
  product(slug: string): SeededProduct;
}

/**
 * A shop test file: the storefront on the functions' STOREFRONT_URL, and before each test no
 * accounts, the fixture catalogue and a new browser context with this viewport.
 */
export function useShop(viewport: { width: number; height: number }): Shop {
  const site = useSite(startStorefront);
  let catalog: SeededCatalog | undefined;
  let context: BrowserContext | undefined;

  beforeEach(async () => {
    await clearAuth();
    catalog = await resetShop();
    const current = await site.browser.newContext({ viewport });
    context = current;
    return () => current.close();
  });

  const ready = () => {
    if (!catalog || !context) throw new Error("The shop is set up before each test");
    return { catalog, context };
  };

  return {
    get server() {
      return site.server;
    },
    get browser() {
      return site.browser;
    },
    get catalog() {
      return ready().catalog;
    },
    get context() {
      return ready().context;
    },
    product(slug) {
      const found = ready().catalog.active.find((candidate) => candidate.slug === slug);
      if (!found) throw new Error(`No active product ${slug} in the fixture`);
      return found;
    },
  };
}
