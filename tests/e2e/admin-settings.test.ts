import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAdminAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { expectNoAxeViolations, screenshot, useShop } from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

const categoryNames = (page: Page) => async () =>
  (await page.getByTestId("admin-category").locator("strong").allInnerTexts()).join(", ");
const pageAlerts = (page: Page) => () =>
  page.locator("main").getByRole("alert").filter({ hasText: /\S/ }).allInnerTexts();

async function signedInAdmin(path: string): Promise<Page> {
  const admin = await createAdminAccount("owner@example.test", "admin-password-1", "Olive Owner");
  const page = await shop.context.newPage();
  await signInThroughForm(page, shop.server.url, admin, path);
  return page;
}

describe("back office: categories", () => {
  it("adds, reorders, renames and deletes categories; refuses a taken slug and a category with products", async () => {
    const page = await signedInAdmin("/admin/categories");
    const consoleErrors = watchConsole(page);
    await expect.poll(categoryNames(page), UI_WAIT).toBe("Kitchen");

    const form = page.getByRole("region", { name: "New category" });
    await form.getByLabel("Name").fill("Garden Tools");
    await expect.poll(() => form.getByLabel("Slug").inputValue(), UI_WAIT).toBe("garden-tools");
    await form.getByRole("button", { name: "Add category" }).click();
    await expect.poll(categoryNames(page), UI_WAIT).toBe("Kitchen, Garden Tools");
    expect((await adminFirestore().doc("categories/garden-tools").get()).data()).toEqual({
      name: "Garden Tools",
      slug: "garden-tools",
      position: 1,
    });

    await form.getByLabel("Name").fill("Kitchen again");
    await form.getByLabel("Slug").fill("kitchen");
    await form.getByRole("button", { name: "Add category" }).click();
    await expect
      .poll(() => form.getByRole("alert").allInnerTexts(), UI_WAIT)
      .toEqual(['Another category already uses the slug "kitchen".']);
    // Typing again clears the refusal.
    await form.getByLabel("Name").fill("");
    await expect.poll(() => form.getByRole("alert").count(), UI_WAIT).toBe(0);

    await page.getByRole("button", { name: "Move Garden Tools up" }).click();
    await expect.poll(categoryNames(page), UI_WAIT).toBe("Garden Tools, Kitchen");
    await page.getByRole("button", { name: "Edit Garden Tools" }).click();
    const editor = page
      .getByTestId("admin-category")
      .filter({ has: page.getByRole("button", { name: "Save" }) });
    await editor.getByLabel("Name").fill("Garden");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(categoryNames(page), UI_WAIT).toBe("Garden, Kitchen");
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-categories");

    await page.getByRole("button", { name: "Delete Kitchen" }).click();
    await expect
      .poll(pageAlerts(page), UI_WAIT)
      .toEqual(["Kitchen still holds products (archived ones too). Move them to another category first."]);
    await page.getByRole("button", { name: "Delete Garden" }).click();
    await expect.poll(categoryNames(page), UI_WAIT).toBe("Kitchen");
    expect((await adminFirestore().doc("categories/garden-tools").get()).exists).toBe(false);
    expect(consoleErrors()).toEqual([]);
  });
});

describe("back office: store settings", () => {
  it("checks the form with the shared schema and saves what the storefront then shows", async () => {
    const page = await signedInAdmin("/admin/settings");
    const name = page.getByLabel("Store name");
    await expect.poll(() => name.inputValue(), UI_WAIT).toBe(shop.catalog.store.storeName);

    await name.fill("Cedar & Pine");
    await page.getByLabel("Flat shipping (USD)").fill("4.999");
    await page.getByLabel("Low-stock threshold").fill("many");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect
      .poll(() => page.locator(".field-error").allInnerTexts(), UI_WAIT)
      .toEqual([
        "Flat shipping: USD amounts allow at most 2 decimal places.",
        "The low-stock threshold is a whole number.",
      ]);
    await expectNoAxeViolations(page);

    await page.getByLabel("Flat shipping (USD)").fill("4.90");
    await page.getByLabel("Low-stock threshold").fill("5");
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByRole("status").filter({ hasText: "Settings saved." }).waitFor(UI_WAIT);
    expect((await adminFirestore().doc("config/store").get()).data()).toMatchObject({
      storeName: "Cedar & Pine",
      shipping: { flatCents: 490 },
      lowStockThreshold: 5,
      timeZone: "Europe/Berlin",
    });
    await screenshot(page, "admin-settings");

    await page.goto(shop.server.url, { waitUntil: "load" });
    await expect.poll(() => page.getByTestId("store-name").innerText(), UI_WAIT).toBe("Cedar & Pine");
  });
});
