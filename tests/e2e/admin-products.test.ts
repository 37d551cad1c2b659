import { formatMoney, searchTokens, toMillis } from "@hearth/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAccount, createAdminAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { expectNoAxeViolations, screenshot, SAGA_WAIT, useShop } from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

const rows = (page: Page) => page.getByTestId("admin-product-row");
const rowNames = (page: Page) => rows(page).getByRole("rowheader").allInnerTexts();
const PASSWORD = "admin-password-1";
const ADMIN_PATHS = [
  "/admin",
  "/admin/orders",
  "/admin/orders/some-order",
  "/admin/products",
  "/admin/products/new",
  "/admin/products/cast-iron-skillet",
  "/admin/categories",
  "/admin/settings",
  "/admin/admins",
  "/admin/outbox",
];

describe("back office: access", () => {
  it("refuses signed-out visitors and shoppers on every back office page, on the server", async () => {
    const page = await shop.context.newPage();
    await page.goto(`${shop.server.url}/admin/products`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Sign in to manage the shop" }).waitFor(UI_WAIT);
    await expect.poll(() => page.getByRole("table").count(), UI_WAIT).toBe(0);

    const shopper = await createAccount("shopper@example.test", PASSWORD, "Sam");
    await signInThroughForm(page, shop.server.url, shopper, "/account");
    await page.goto(`${shop.server.url}/admin/products`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "This area is for the shop's admins" }).waitFor(UI_WAIT);
    await expect.poll(() => page.getByRole("navigation", { name: "Back office" }).count(), UI_WAIT).toBe(0);
    // The server renders the refusal on every back office page: the HTML carries no back office.
    for (const path of ADMIN_PATHS) {
      const html = await (await page.request.get(`${shop.server.url}${path}`)).text();
      expect(html, path).toContain("This area is for the shop&#x27;s admins");
      expect(html, path).not.toContain("Back office");
    }
    await expectNoAxeViolations(page);
    await page.close();
  });
});

describe("back office: products", () => {
  it("lists every product with stock markers, creates one with the shared schema's messages, archives it", async () => {
    const admin = await createAdminAccount("owner@example.test", PASSWORD, "Olive Owner");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, shop.server.url, admin, "/admin/products");

    // Drafts and archived products too, newest first; the apron (3 left) and the candle are flagged.
    const all = [...shop.catalog.active, ...shop.catalog.hidden].sort(
      (a, b) => (toMillis(b.createdAt) ?? 0) - (toMillis(a.createdAt) ?? 0),
    );
    await expect.poll(() => rowNames(page), UI_WAIT).toEqual(all.map((product) => product.name));
    const apronRow = rows(page).filter({ hasText: "Linen Apron" });
    await expect.poll(() => apronRow.innerText(), UI_WAIT).toContain("Low stock");
    await expect
      .poll(() => rows(page).filter({ hasText: "Beeswax Candle" }).innerText(), UI_WAIT)
      .toContain("Sold out");
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-products");

    // Filter by status through the URL.
    await page.getByLabel("Status").selectOption("draft");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => rowNames(page), UI_WAIT).toEqual(["Copper Kettle"]);

    await page.getByRole("link", { name: "New product" }).click();
    await page.waitForURL(`${shop.server.url}/admin/products/new`, UI_WAIT);
    const name = page.getByLabel("Name");
    await name.waitFor(UI_WAIT);
    await name.fill("Stoneware Bowl");
    await expect.poll(() => page.getByLabel("Slug").inputValue(), UI_WAIT).toBe("stoneware-bowl");
    await page.getByLabel("Price (USD)").fill("12.345");
    await page.getByLabel("Stock").fill("-2");
    await page.getByRole("button", { name: "Create product" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts(), UI_WAIT)
      .toEqual([
        "USD amounts allow at most 2 decimal places.",
        "Stock is a whole number of units, 0 or more.",
        "Choose a category.",
      ]);
    await expect.poll(() => page.evaluate(`document.activeElement?.id`), UI_WAIT).toBe("product-price");
    await expectNoAxeViolations(page);

    // The slug of an existing product: the callable refuses it in a sentence.
    await page.getByLabel("Price (USD)").fill("24.50");
    await page.getByLabel("Stock").fill("8");
    await page.getByLabel("Category").selectOption({ label: shop.catalog.category.name });
    await page.getByLabel("Tags").fill("Tableware, stoneware");
    await page.getByLabel("Slug").fill("linen-apron");
    await page.getByRole("button", { name: "Create product" }).click();
    await expect
      .poll(
        () => page.locator("main").getByRole("alert").filter({ hasText: /\S/ }).allInnerTexts(),
        SAGA_WAIT,
      )
      .toEqual(['Another product already uses the slug "linen-apron".']);

    await page.getByLabel("Slug").fill("stoneware-bowl");
    await page.getByRole("button", { name: "Create product" }).click();
    await page.waitForURL(/\/admin\/products\/[^/]+\?created=1$/, SAGA_WAIT);
    const productId = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
    await page.getByText("Product created. Add its images below.").waitFor(UI_WAIT);
    const stored = (await adminFirestore().doc(`products/${productId}`).get()).data();
    expect(stored).toMatchObject({
      name: "Stoneware Bowl",
      slug: "stoneware-bowl",
      priceCents: 2_450,
      currency: "USD",
      stock: 8,
      status: "draft",
      tags: ["tableware", "stoneware"],
      searchTokens: searchTokens("Stoneware Bowl", ["tableware", "stoneware"]),
    });
    await expect.poll(() => page.getByLabel("Price (USD)").inputValue(), UI_WAIT).toBe("24.50");

    // Edit: make it active with a new price.
    await page.getByLabel("Status").selectOption("active");
    await page.getByLabel("Price (USD)").fill("26");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "Product saved." }).waitFor(SAGA_WAIT);
    expect((await adminFirestore().doc(`products/${productId}`).get()).data()).toMatchObject({
      status: "active",
      priceCents: 2_600,
    });

    // Archive from the list: the shop no longer shows it.
    await page.goto(`${shop.server.url}/admin/products?q=stoneware`, { waitUntil: "load" });
    const bowl = rows(page).filter({ hasText: "Stoneware Bowl" });
    await expect.poll(() => bowl.innerText(), UI_WAIT).toContain(formatMoney(2_600, "USD"));
    await bowl.getByRole("button", { name: "Archive Stoneware Bowl" }).click();
    await expect.poll(() => bowl.innerText(), UI_WAIT).toContain("archived");
    // The list shows the change at once; the button comes back when the server has it.
    await expect
      .poll(() => bowl.getByRole("button", { name: "Restore Stoneware Bowl" }).isEnabled(), UI_WAIT)
      .toBe(true);
    expect((await adminFirestore().doc(`products/${productId}`).get()).get("status")).toBe("archived");
    const shopPage = await page.context().newPage();
    const response = await shopPage.goto(`${shop.server.url}/products/stoneware-bowl`, { waitUntil: "load" });
    expect(response?.status()).toBeLessThan(500);
    await shopPage.getByRole("heading", { name: "Product not found" }).waitFor(UI_WAIT);
    expect(consoleErrors()).toEqual([]);
  });
});
