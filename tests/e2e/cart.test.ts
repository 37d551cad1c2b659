import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import {
  accountCart,
  addToCart,
  expectNoAxeViolations,
  screenshot,
  seedAccountCart,
  useShop,
} from "./support/shop";

const shop = useShop({ width: 390, height: 844 });

const cartLink = (page: Page) => page.getByTestId("cart-link").filter({ visible: true }).allInnerTexts();

describe("cart", () => {
  it("a guest fills a cart without an account; it merges into the account's cart on sign-in", async () => {
    const skillet = shop.product("cast-iron-skillet");
    const apron = shop.product("linen-apron");
    const account = await createAccount("merge@example.test", "correct-horse-42", "Ada");
    // The account already holds one apron and one skillet from an earlier visit.
    await seedAccountCart(account.uid, { [skillet.id]: 1, [apron.id]: 1 });
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);

    await addToCart(page, shop.server.url, apron.slug, 3);
    await addToCart(page, shop.server.url, skillet.slug, 2);
    await expect.poll(() => cartLink(page), UI_WAIT).toEqual(["Cart (5)"]);
    await page.goto(`${shop.server.url}/cart`, { waitUntil: "load" });
    await expect.poll(() => page.getByTestId("cart-line").count(), UI_WAIT).toBe(2);
    await expectNoAxeViolations(page);
    await screenshot(page, "cart-guest-mobile");

    // Checkout needs an account: a guest is sent to sign in, and comes back afterwards.
    await page.goto(`${shop.server.url}/checkout`, { waitUntil: "load" });
    await page.waitForURL(
      (url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/checkout",
      UI_WAIT,
    );
    await signInThroughForm(page, shop.server.url, account, "/cart");

    // Quantities add: 1 + 2 skillets; 1 + 3 aprons, capped at the 3 in stock. The guest cart is gone.
    await expect
      .poll(() => accountCart(account.uid), UI_WAIT)
      .toEqual({ [skillet.id]: 3, [apron.id]: apron.stock });
    await expect.poll(() => cartLink(page), UI_WAIT).toEqual([`Cart (${3 + apron.stock})`]);
    await expect.poll(() => page.evaluate(`localStorage.getItem("hearth:guest-cart")`), UI_WAIT).toBeNull();
    expect(consoleErrors()).toEqual([]);
  });

  it("changes quantities and removes lines, capped by stock, with a warning when stock runs short", async () => {
    const skillet = shop.product("cast-iron-skillet");
    const apron = shop.product("linen-apron");
    const account = await createAccount("edit@example.test", "correct-horse-42", "Ada");
    await seedAccountCart(account.uid, { [skillet.id]: 1, [apron.id]: 2 });
    const page = await shop.context.newPage();
    await signInThroughForm(page, shop.server.url, account, "/cart");
    const apronLine = page.getByRole("listitem", { name: apron.name });
    const skilletLine = page.getByRole("listitem", { name: skillet.name });

    // The apron's quantity offers no more than its stock; the skillet's no more than the store's 10.
    await expect
      .poll(() => apronLine.getByLabel("Quantity").locator("option").count(), UI_WAIT)
      .toBe(apron.stock);
    await expect
      .poll(() => skilletLine.getByLabel("Quantity").locator("option").count(), UI_WAIT)
      .toBe(shop.catalog.store.maxUnitsPerProduct);

    await skilletLine.getByLabel("Quantity").selectOption("4");
    await expect.poll(() => accountCart(account.uid), UI_WAIT).toEqual({ [skillet.id]: 4, [apron.id]: 2 });

    // Stock drops below what the cart holds: the page warns and checkout waits for a fix.
    await adminFirestore().doc(`products/${apron.id}`).update({ stock: 1 });
    await page.reload({ waitUntil: "load" });
    await expect
      .poll(() => apronLine.getByTestId("line-warning").allInnerTexts(), UI_WAIT)
      .toEqual(["Only 1 left. Lower the quantity to check out."]);
    await expect.poll(() => page.getByRole("link", { name: "Check out" }).count(), UI_WAIT).toBe(0);
    await screenshot(page, "cart-stock-warning");

    await apronLine.getByRole("button", { name: `Remove ${apron.name}` }).click();
    await expect.poll(() => accountCart(account.uid), UI_WAIT).toEqual({ [skillet.id]: 4 });
    await page.getByRole("link", { name: "Check out" }).waitFor(UI_WAIT);
  });
});
