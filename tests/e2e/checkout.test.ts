import { formatMoney } from "@hearth/domain";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAccount, type TestAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { orderReaches, readOrder, SHIPPING_ADDRESS, stockOf } from "./support/orders";
import {
  accountCart,
  addToCart,
  countDocumentLoads,
  expectNoAxeViolations,
  orderStatus,
  payPageOrderId,
  SAGA_WAIT,
  screenshot,
  seedAccountCart,
  statusOf,
  useShop,
} from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

const usd = (cents: number) => formatMoney(cents, "USD");

async function shopperWithAddress(email: string): Promise<TestAccount> {
  const account = await createAccount(email, "correct-horse-42", "Ada");
  await adminFirestore().doc(`users/${account.uid}`).update({ defaultAddress: SHIPPING_ADDRESS });
  return account;
}

/** Places the order on /checkout and follows the redirect to the payment page. */
async function placeOrderAndReachPayPage(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/pay\/[^/]+$/, SAGA_WAIT);
  await page.getByRole("heading", { name: "Pay for your order" }).waitFor(UI_WAIT);
  return payPageOrderId(page);
}

async function choose(page: Page, button: "Pay" | "Decline" | "Let it expire", result: RegExp) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("status").filter({ hasText: result }).waitFor(SAGA_WAIT);
}

describe("checkout", () => {
  it("a signed-in shopper adds two products, places the order in the browser, pays and sees it paid live", async () => {
    const skillet = shop.product("cast-iron-skillet");
    const apron = shop.product("linen-apron");
    const account = await shopperWithAddress("journey@example.test");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, shop.server.url, account, "/cart");

    await addToCart(page, shop.server.url, skillet.slug, 2);
    await addToCart(page, shop.server.url, apron.slug, 1);
    await expect.poll(() => accountCart(account.uid), UI_WAIT).toEqual({ [skillet.id]: 2, [apron.id]: 1 });

    await page.goto(`${shop.server.url}/cart`, { waitUntil: "load" });
    const subtotal = skillet.priceCents * 2 + apron.priceCents;
    await expect
      .poll(() => page.getByTestId("line-total").allTextContents(), UI_WAIT)
      .toEqual([usd(skillet.priceCents * 2), usd(apron.priceCents)]);
    // Over the fixture's free-shipping threshold: shipping is free.
    expect(subtotal).toBeGreaterThanOrEqual(shop.catalog.store.shipping.freeOverCents ?? Infinity);
    await expect.poll(() => page.getByTestId("total").allTextContents(), UI_WAIT).toEqual([usd(subtotal)]);
    await expect
      .poll(() => page.getByTestId("cart-link").filter({ visible: true }).allInnerTexts(), UI_WAIT)
      .toEqual(["Cart (3)"]);
    await expectNoAxeViolations(page);
    await screenshot(page, "cart");
    const lines = await page.getByTestId("cart-line").allInnerTexts();
    expect(lines.map((text) => text.split("\n")[0])).toEqual([skillet.name, apron.name]);

    await page.getByRole("link", { name: "Check out" }).click();
    await page.waitForURL(`${shop.server.url}/checkout`, UI_WAIT);
    // Prefilled from users/{uid}.defaultAddress.
    await expect.poll(() => page.getByLabel("Full name").inputValue(), UI_WAIT).toBe(SHIPPING_ADDRESS.name);
    await expect
      .poll(() => page.getByLabel("Country code").inputValue(), UI_WAIT)
      .toBe(SHIPPING_ADDRESS.country);
    await expectNoAxeViolations(page);
    await screenshot(page, "checkout");

    const orderId = await placeOrderAndReachPayPage(page);
    // Placed by the browser as the rules allow, priced by the real trigger; the cart is empty.
    const placed = await readOrder(orderId);
    expect(placed).toMatchObject({
      uid: account.uid,
      status: "awaiting_payment",
      items: [
        { productId: skillet.id, quantity: 2 },
        { productId: apron.id, quantity: 1 },
      ],
      shippingAddress: SHIPPING_ADDRESS,
      totalCents: subtotal,
    });
    expect(await accountCart(account.uid)).toEqual({});
    expect(new URL(page.url()).origin).toBe(shop.server.url);

    // The order page, open in a second tab, follows the payment without a reload.
    const orderPage = await shop.context.newPage();
    const orderConsoleErrors = watchConsole(orderPage);
    await orderPage.goto(`${shop.server.url}/orders/${orderId}`, { waitUntil: "load" });
    const loads = countDocumentLoads(orderPage);
    await expect.poll(() => statusOf(orderPage), UI_WAIT).toBe("awaiting_payment");
    await expect
      .poll(() => orderPage.getByTestId("order-line").allInnerTexts(), UI_WAIT)
      .toEqual([
        `${skillet.name}\t${usd(skillet.priceCents)}\t2\t${usd(skillet.priceCents * 2)}`,
        `${apron.name}\t${usd(apron.priceCents)}\t1\t${usd(apron.priceCents)}`,
      ]);

    await choose(page, "Pay", /Payment succeeded/);

    await expect.poll(() => statusOf(orderPage), SAGA_WAIT).toBe("paid");
    await expect
      .poll(() => orderStatus(orderPage).getByRole("heading").allInnerTexts(), UI_WAIT)
      .toEqual(["Paid"]);
    expect(loads()).toBe(0);
    await expect
      .poll(() => orderPage.getByTestId("order-timeline").getByRole("listitem").allInnerTexts(), UI_WAIT)
      .toEqual([expect.stringContaining("awaiting payment"), expect.stringContaining("Paid")]);
    await expectNoAxeViolations(orderPage);
    await screenshot(orderPage, "order-paid");

    // Back from the payment page, on the same origin and so still signed in.
    await page.getByRole("link", { name: "View your order" }).click();
    await page.waitForURL(`${shop.server.url}/orders/${orderId}?checkout=success`, UI_WAIT);
    await expect.poll(() => statusOf(page), UI_WAIT).toBe("paid");
    expect(await stockOf(skillet.id)).toBe(skillet.stock - 2);
    expect([...consoleErrors(), ...orderConsoleErrors()]).toEqual([]);
  });

  it("a declined card: the order page says so and offers to try again; letting it expire gives the stock back", async () => {
    const skillet = shop.product("cast-iron-skillet");
    const account = await shopperWithAddress("declined@example.test");
    await seedAccountCart(account.uid, { [skillet.id]: 2 });
    const page = await shop.context.newPage();
    await signInThroughForm(page, shop.server.url, account, "/checkout");
    await expect.poll(() => page.getByLabel("Full name").inputValue(), UI_WAIT).toBe(SHIPPING_ADDRESS.name);
    const orderId = await placeOrderAndReachPayPage(page);
    expect(await stockOf(skillet.id)).toBe(skillet.stock - 2);

    await choose(page, "Decline", /Payment declined/);
    await page.getByRole("link", { name: "Back to your order" }).click();
    await page.waitForURL(`${shop.server.url}/orders/${orderId}?checkout=cancelled`, UI_WAIT);

    await expect
      .poll(() => orderStatus(page).getByRole("heading").allInnerTexts(), UI_WAIT)
      .toEqual(["Your payment was declined"]);
    await expect
      .poll(() => orderStatus(page).innerText(), UI_WAIT)
      .toMatch(/Your items are still reserved: try again/);
    const retry = orderStatus(page).getByRole("link", { name: "Try again" });
    expect(await retry.getAttribute("href")).toBe(`${shop.server.url}/pay/${orderId}`);
    await expect
      .poll(() => page.getByTestId("order-timeline").innerText(), UI_WAIT)
      .toContain("Payment attempt declined");
    await expectNoAxeViolations(page);
    await screenshot(page, "order-declined");

    await retry.click();
    await page.waitForURL(`${shop.server.url}/pay/${orderId}`, UI_WAIT);
    await choose(page, "Let it expire", /expired/);
    await page.goto(`${shop.server.url}/orders/${orderId}`, { waitUntil: "load" });
    await expect.poll(() => statusOf(page), UI_WAIT).toBe("expired");
    await expect.poll(() => orderStatus(page).innerText(), UI_WAIT).toMatch(/reserved items were released/);
    await orderStatus(page).getByRole("link", { name: "Go to your cart" }).waitFor(UI_WAIT);
    expect((await orderReaches(orderId, "expired")).stockReleasedAt).toBeDefined();
    expect(await stockOf(skillet.id)).toBe(skillet.stock);
    await screenshot(page, "order-expired");
  });

  it("a rejected order shows the server's reason and the way back to the cart", async () => {
    const apron = shop.product("linen-apron");
    const account = await shopperWithAddress("rejected@example.test");
    await seedAccountCart(account.uid, { [apron.id]: 3 });
    const page = await shop.context.newPage();
    await signInThroughForm(page, shop.server.url, account, "/checkout");
    await expect.poll(() => page.getByLabel("Full name").inputValue(), UI_WAIT).toBe(SHIPPING_ADDRESS.name);
    // Someone else buys one while this shopper is at checkout.
    await adminFirestore().doc(`products/${apron.id}`).update({ stock: 2 });

    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\/[^/?]+/, UI_WAIT);
    await expect.poll(() => statusOf(page), SAGA_WAIT).toBe("rejected");
    await expect
      .poll(() => orderStatus(page).innerText(), UI_WAIT)
      .toContain(`"${apron.name}" has only 2 left (you asked for 3)`);
    expect(await stockOf(apron.id)).toBe(2);

    // Checkout emptied the cart; the shopper puts the items back, as many as there are now.
    expect(await accountCart(account.uid)).toEqual({});
    await orderStatus(page).getByRole("button", { name: "Put the items back in your cart" }).click();
    await page.waitForURL(`${shop.server.url}/cart`, UI_WAIT);
    await expect.poll(() => accountCart(account.uid), UI_WAIT).toEqual({ [apron.id]: 2 });
    await expect
      .poll(() => page.getByTestId("cart-line").allInnerTexts(), UI_WAIT)
      .toEqual([expect.stringContaining(apron.name)]);
  });

  it("two shoppers race for the last unit: one pays, the other is told why not, and it shows sold out", async () => {
    const apron = shop.product("linen-apron");
    await adminFirestore().doc(`products/${apron.id}`).update({ stock: 1 });
    const shoppers = await Promise.all(
      ["first@example.test", "second@example.test"].map(async (email) => {
        const account = await shopperWithAddress(email);
        await seedAccountCart(account.uid, { [apron.id]: 1 });
        // Separate browser contexts: two people, two sessions.
        const context = await shop.browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await signInThroughForm(page, shop.server.url, account, "/checkout");
        await expect
          .poll(() => page.getByLabel("Full name").inputValue(), UI_WAIT)
          .toBe(SHIPPING_ADDRESS.name);
        return { account, context, page };
      }),
    );

    try {
      await Promise.all(
        shoppers.map(({ page }) => page.getByRole("button", { name: "Place order" }).click()),
      );
      /** Where each shopper ends up: the payment page, or their order page with a final status. */
      const outcome = async (page: Page) =>
        new URL(page.url()).pathname.startsWith("/pay/") ? "awaiting_payment" : await statusOf(page);
      await expect
        .poll(async () => (await Promise.all(shoppers.map(({ page }) => outcome(page)))).sort(), SAGA_WAIT)
        .toEqual(["awaiting_payment", "rejected"]);

      const [first, second] = shoppers;
      if (!first || !second) throw new Error("Two shoppers race");
      const loser = (await outcome(first.page)) === "rejected" ? first : second;
      await expect
        .poll(() => orderStatus(loser.page).innerText(), UI_WAIT)
        .toContain(`"${apron.name}" is out of stock`);
      await orderStatus(loser.page).getByRole("button", { name: "Put the items back in your cart" }).click();
      await expect
        .poll(() => orderStatus(loser.page).getByRole("alert").allInnerTexts(), UI_WAIT)
        .toEqual(["None of these items is in stock any more."]);
      expect(await accountCart(loser.account.uid)).toEqual({});
      // Never priced, so listed as ordered, by name.
      await expect
        .poll(() => loser.page.getByTestId("order-item").allInnerTexts(), UI_WAIT)
        .toEqual([`${apron.name} × 1`]);
      await screenshot(loser.page, "order-race-rejected");
      expect(await stockOf(apron.id)).toBe(0);

      await loser.page.goto(`${shop.server.url}/products/${apron.slug}`, { waitUntil: "load" });
      await expect.poll(() => loser.page.getByTestId("stock-status").textContent(), UI_WAIT).toBe("Sold out");
      await expect
        .poll(() => loser.page.getByRole("button", { name: "Add to cart" }).count(), UI_WAIT)
        .toBe(0);
    } finally {
      await Promise.all(shoppers.map(({ context }) => context.close()));
    }
  });
});
