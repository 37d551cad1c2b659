import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { header, headerShowsAccount, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { cardNames, urlMatches } from "./support/catalog-site";
import { readOrder, SHIPPING_ADDRESS, stockOf } from "./support/orders";
import {
  accountCart,
  countDocumentLoads,
  orderStatus,
  payPageOrderId,
  SAGA_WAIT,
  screenshot,
  statusOf,
  useShop,
} from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

const cartLink = (page: Page) => page.getByTestId("cart-link").filter({ visible: true }).allInnerTexts();
const badge = (page: Page) => async () =>
  (await page.getByTestId("notification-count").allInnerTexts()).join("");

/** On a product page reached by a click: picks the quantity and waits for the confirmation. */
async function addFromProductPage(page: Page, name: string, quantity: number): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor(UI_WAIT);
  const button = page.getByRole("button", { name: "Add to cart" });
  await expect.poll(() => button.isEnabled(), UI_WAIT).toBe(true);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  await button.click();
  await page
    .getByRole("status")
    .filter({ hasText: `Added ${quantity} ×` })
    .waitFor(UI_WAIT);
}

describe("a guest's whole journey", () => {
  it("browses, filters, searches, fills a cart, signs up, checks out, pays and sees it live", async () => {
    const skillet = shop.product("cast-iron-skillet");
    const apron = shop.product("linen-apron");
    const candle = shop.product("beeswax-candle");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);

    // Browse: home → the category, by clicking.
    await page.goto(shop.server.url, { waitUntil: "load" });
    await page.getByRole("link", { name: shop.catalog.category.name, exact: true }).first().click();
    await urlMatches(page, new RegExp(`/categories/${shop.catalog.category.slug}$`));
    await expect.poll(() => cardNames(page), UI_WAIT).toEqual([candle.name, apron.name, skillet.name]);

    // Filter: in stock only, cheapest first; the sold-out candle drops out.
    await page.getByLabel("In stock only").check();
    await page.getByLabel("Sort by").selectOption({ label: "Price: low to high" });
    await page.getByRole("button", { name: "Apply" }).click();
    await urlMatches(page, /stock=1/);
    await expect.poll(() => cardNames(page), UI_WAIT).toEqual([apron.name, skillet.name]);
    await page.getByRole("link", { name: skillet.name }).click();
    await addFromProductPage(page, skillet.name, 2);

    // Search: "linen" finds the apron.
    await page.goto(`${shop.server.url}/products`, { waitUntil: "load" });
    await page.getByLabel("Search").fill("linen");
    await page.getByLabel("Search").press("Enter");
    await urlMatches(page, /q=linen/);
    await expect.poll(() => cardNames(page), UI_WAIT).toEqual([apron.name]);
    await page.getByRole("link", { name: apron.name }).click();
    await addFromProductPage(page, apron.name, 1);
    await expect.poll(() => cartLink(page), UI_WAIT).toEqual(["Cart (3)"]);

    // Checkout asks a guest to sign in; the guest creates an account instead and comes back.
    await page.getByTestId("cart-link").filter({ visible: true }).click();
    await page.getByRole("link", { name: "Check out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in", UI_WAIT);
    await page.getByRole("link", { name: "New here? Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-up", UI_WAIT);
    await page.getByLabel("Your name").fill("Gia Guest");
    await page.getByLabel("Email").fill("gia@example.test");
    await page.getByLabel("Password").fill("gia-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${shop.server.url}/checkout`, UI_WAIT);
    await headerShowsAccount(page, "Gia Guest");

    // The guest cart merged into the new account's cart.
    const users = await adminFirestore().collection("users").where("email", "==", "gia@example.test").get();
    const uid = users.docs[0]?.id ?? "";
    expect(uid).not.toBe("");
    await expect.poll(() => accountCart(uid), UI_WAIT).toEqual({ [skillet.id]: 2, [apron.id]: 1 });
    await expect.poll(() => page.evaluate(`localStorage.getItem("hearth:guest-cart")`), UI_WAIT).toBeNull();

    // A new account has no address yet: the shopper types one.
    await page.getByLabel("Full name").fill(SHIPPING_ADDRESS.name);
    await page.getByLabel("Address line 1").fill(SHIPPING_ADDRESS.line1);
    await page.getByLabel("City").fill(SHIPPING_ADDRESS.city);
    await page.getByLabel("Postal code").fill(SHIPPING_ADDRESS.postalCode);
    await page.getByLabel("Country code").fill(SHIPPING_ADDRESS.country);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/pay\/[^/]+$/, SAGA_WAIT);
    const orderId = payPageOrderId(page);

    // Written by this browser through the rules, priced and reserved by the real trigger.
    expect(await readOrder(orderId)).toMatchObject({
      uid,
      status: "awaiting_payment",
      items: [
        { productId: skillet.id, quantity: 2 },
        { productId: apron.id, quantity: 1 },
      ],
      totalCents: skillet.priceCents * 2 + apron.priceCents,
    });
    expect(await accountCart(uid)).toEqual({});

    // The order page, open beside the payment page, turns paid without a reload.
    const orderPage = await shop.context.newPage();
    const orderConsoleErrors = watchConsole(orderPage);
    await orderPage.goto(`${shop.server.url}/orders/${orderId}`, { waitUntil: "load" });
    await expect.poll(() => statusOf(orderPage), UI_WAIT).toBe("awaiting_payment");
    const loads = countDocumentLoads(orderPage);
    await page.getByRole("heading", { name: "Pay for your order" }).waitFor(UI_WAIT);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Payment succeeded/ })
      .waitFor(SAGA_WAIT);
    await expect.poll(() => statusOf(orderPage), SAGA_WAIT).toBe("paid");
    await expect
      .poll(() => orderStatus(orderPage).getByRole("heading").allInnerTexts(), UI_WAIT)
      .toEqual(["Paid"]);
    expect(loads()).toBe(0);
    expect(await stockOf(skillet.id)).toBe(skillet.stock - 2);
    expect(await stockOf(apron.id)).toBe(apron.stock - 1);

    // The bell counts the saga's notifications live, the paid one among them.
    const notifications = () =>
      adminFirestore()
        .collection(`users/${uid}/notifications`)
        .get()
        .then((snapshot) => snapshot.docs.map((doc) => String(doc.get("title"))));
    await expect.poll(notifications, SAGA_WAIT).toContain("Order paid");
    const unread = (await notifications()).length;
    await expect.poll(badge(orderPage), UI_WAIT).toBe(String(unread));
    await screenshot(orderPage, "journey-paid");
    await header(orderPage)
      .getByRole("link", { name: `Notifications, ${unread} unread` })
      .click();
    await orderPage.waitForURL(`${shop.server.url}/notifications`, UI_WAIT);
    await expect
      .poll(() => orderPage.getByTestId("notification").getByRole("heading").allTextContents(), UI_WAIT)
      .toContain("Unread: Order paid");
    expect([...consoleErrors(), ...orderConsoleErrors()]).toEqual([]);
  });
});
