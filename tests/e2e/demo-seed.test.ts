import { getAuth } from "firebase-admin/auth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, type SeedSummary } from "../../scripts/seed/index";
import { storeConfig } from "../../scripts/seed/catalog";
import { adminApp, adminFirestore } from "./support/admin";
import { launchBrowser, UI_WAIT } from "./support/browser";
import { PROJECT_ID, clearFirestore } from "./support/emulators";
import { startWebServer, type WebServer } from "./support/web-server";

// What a newcomer sees after `npm run dev`: the real seed script, the real storefront.
let summary: SeedSummary;
let server: WebServer;
let browser: Browser;

beforeAll(async () => {
  await clearFirestore();
  summary = await seedDemoData({ projectId: PROJECT_ID });
  server = await startWebServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the demo seed", () => {
  it("seeds the store the README promises", async () => {
    expect(summary.categories).toBeGreaterThanOrEqual(3);
    expect(summary.products.active).toBeGreaterThanOrEqual(24);
    expect(summary.images).toBe(
      3 * (summary.products.active + summary.products.draft + summary.products.archived),
    );

    const auth = getAuth(adminApp());
    const admin = await auth.getUserByEmail("admin@hearth.test");
    const shopper = await auth.getUserByEmail("shopper@hearth.test");
    expect(admin.customClaims?.admin).toBe(true);
    expect(shopper.customClaims?.admin).toBeUndefined();
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
    await page.close();
  });

  it("is idempotent: a second run rewrites the same documents and re-renders no image", async () => {
    const before = (await adminFirestore().collection("products").count().get()).data().count;
    const again = await seedDemoData({ projectId: PROJECT_ID });
    const after = (await adminFirestore().collection("products").count().get()).data().count;
    expect(after).toBe(before);
    expect(again.imagesRendered).toBe(0);
  });
});
