import type { Page } from "playwright-core";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAdminAccount, createAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { orderReaches, placeOrder, SHIPPING_ADDRESS } from "./support/orders";
import { expectNoAxeViolations, SAGA_WAIT, screenshot, useShop } from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

/** A photo-sized JPEG made here, so the real pipeline (sharp in the Functions emulator) processes it. */
async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 180, g: 90, b: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const IMAGE_WAIT = { timeout: 90_000 } as const;

async function axeOn(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`${shop.server.url}${path}`, { waitUntil: "load" });
  await page.getByRole("heading", { level: 1, name: heading }).waitFor(UI_WAIT);
  await expect
    .poll(
      () =>
        page
          .locator('[role="status"]')
          .filter({ hasText: /^Loading/ })
          .count(),
      UI_WAIT,
    )
    .toBe(0);
  await expectNoAxeViolations(page);
}

describe("back office: an admin's day", () => {
  it("creates a product with an image the pipeline processes, sells it, ships it; the shopper sees the tracking", async () => {
    const admin = await createAdminAccount("owner@example.test", "admin-password-1", "Olive Owner");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, shop.server.url, admin, "/admin/products/new");

    // The product, first as a draft.
    await page.getByLabel("Name").fill("Ash Serving Board");
    await page.getByLabel("Price (USD)").fill("39.00");
    await page.getByLabel("Stock").fill("5");
    await page.getByLabel("Category").selectOption({ label: shop.catalog.category.name });
    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/[^/?]+\?created=1$/, SAGA_WAIT);
    const productId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

    // An image: uploaded with a progress bar, then processed by the real pipeline, live.
    await page.locator("#product-image-files").setInputFiles({
      name: "ash board.jpg",
      mimeType: "image/jpeg",
      buffer: await photo(),
    });
    await page.getByRole("progressbar", { name: "Upload of ash board.jpg" }).waitFor(UI_WAIT);
    await expect
      .poll(() => page.getByTestId("image-upload-state").allInnerTexts(), IMAGE_WAIT)
      .toEqual(["Ready"]);
    const card = page.getByTestId("product-image-card");
    await expect
      .poll(
        () =>
          card.locator("img").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        UI_WAIT,
      )
      .toBe(160);
    await card.getByLabel("Alt text").fill("Ash serving board, top view");
    await card.getByRole("button", { name: "Save alt text" }).click();
    await card.getByRole("status").filter({ hasText: "Alt text saved." }).waitFor(UI_WAIT);
    await screenshot(page, "admin-product-images");
    await expectNoAxeViolations(page);

    // Activate it, and find it in the shop with its processed picture.
    await page.getByLabel("Status").selectOption("active");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Product saved." }).waitFor(SAGA_WAIT);
    const stored = (await adminFirestore().doc(`products/${productId}`).get()).data();
    expect(stored).toMatchObject({ status: "active", images: [{ alt: "Ash serving board, top view" }] });
    const shopper = await shop.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const storefront = await shopper.newPage();
      await storefront.goto(`${shop.server.url}/products?q=ash`, { waitUntil: "load" });
      await storefront.getByRole("link", { name: "Ash Serving Board" }).click();
      await storefront.getByRole("heading", { level: 1, name: "Ash Serving Board" }).waitFor(UI_WAIT);
      await expect
        .poll(() => storefront.getByRole("img", { name: "Ash serving board, top view" }).count(), UI_WAIT)
        .toBeGreaterThan(0);

      // A shopper buys it; the admin ships the order with a tracking number.
      const buyer = await createAccount("buyer@example.test", "buyer-password-1", "Bea Buyer");
      const orderId = await placeOrder(buyer.uid, [{ productId, quantity: 2 }]);
      await orderReaches(orderId, "awaiting_payment");
      await signInThroughForm(storefront, shop.server.url, buyer, `/pay/${orderId}`);
      await storefront.getByRole("button", { name: "Pay", exact: true }).click();
      await storefront
        .getByRole("status")
        .filter({ hasText: /Payment succeeded/ })
        .waitFor(SAGA_WAIT);
      await orderReaches(orderId, "paid");

      await page.goto(`${shop.server.url}/admin/orders?status=paid`, { waitUntil: "load" });
      await page.getByRole("link", { name: orderId }).click();
      await page.waitForURL(`${shop.server.url}/admin/orders/${orderId}`, UI_WAIT);
      await expect
        .poll(() => page.getByTestId("admin-order-status").getAttribute("data-status"), UI_WAIT)
        .toBe("paid");
      await page.getByRole("button", { name: "Mark shipped" }).click();
      await expect
        .poll(() => page.locator(".field-error").allInnerTexts(), UI_WAIT)
        .toEqual(["Enter the carrier, e.g. DHL.", "Enter the tracking number."]);
      await page.getByLabel("Carrier").fill("DHL");
      await page.getByLabel("Tracking number").fill("JD014600006281230985");
      await page.getByRole("button", { name: "Mark shipped" }).click();
      await expect
        .poll(() => page.getByTestId("admin-order-status").getAttribute("data-status"), SAGA_WAIT)
        .toBe("shipped");
      await page.getByRole("status").filter({ hasText: "Marked shipped." }).waitFor(UI_WAIT);
      await screenshot(page, "admin-order-shipped");
      await expectNoAxeViolations(page);

      await storefront.goto(`${shop.server.url}/orders/${orderId}`, { waitUntil: "load" });
      await expect
        .poll(() => storefront.getByTestId("order-shipment").innerText(), UI_WAIT)
        .toBe("Shipped with DHL. Tracking number: JD014600006281230985");
      expect((await adminFirestore().doc(`orders/${orderId}`).get()).get("shippingAddress")).toEqual(
        SHIPPING_ADDRESS,
      );
    } finally {
      await shopper.close();
    }

    // Every back office page passes axe.
    await axeOn(page, "/admin", "Dashboard");
    await axeOn(page, "/admin/orders", "Orders");
    await axeOn(page, "/admin/products", "Products");
    await axeOn(page, "/admin/categories", "Categories");
    await axeOn(page, "/admin/settings", "Store settings");
    await axeOn(page, "/admin/admins", "Admins");
    await axeOn(page, "/admin/outbox", "Outbox");
    await screenshot(page, "admin-outbox");
    expect(consoleErrors()).toEqual([]);
  });
});
