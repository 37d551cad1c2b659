import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createAccount } from "./support/auth-emulator";
import { signInThroughForm } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { orderReaches, placeOrder, SHIPPING_ADDRESS } from "./support/orders";
import {
  accountCart,
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

const PASSWORD = "correct-horse-42";

// Strings: the test project has no DOM types, and these run in the page anyway.
const focusedId = async (page: Page) => String(await page.evaluate(`document.activeElement?.id ?? ""`));
const focusedText = async (page: Page) =>
  String(await page.evaluate(`document.activeElement?.textContent?.trim() ?? ""`));

/** Presses Tab until `focused` holds for the focused element; fails after 40 presses. */
async function tabUntil(page: Page, focused: () => Promise<boolean>, what: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await focused()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${what}`);
}

const tabToId = (page: Page, id: string) =>
  tabUntil(page, async () => (await focusedId(page)) === id, `#${id}`);
const tabToText = (page: Page, text: string) =>
  tabUntil(page, async () => (await focusedText(page)) === text, `"${text}"`);

describe("orders", () => {
  it("keyboard only: fills the address, fixes what the shared schema refuses, places and pays the order", async () => {
    const skillet = shop.catalog.active.find((product) => product.slug === "cast-iron-skillet");
    if (!skillet) throw new Error("No skillet in the fixture");
    const account = await createAccount("keys@example.test", PASSWORD, "Ada");
    await seedAccountCart(account.uid, { [skillet.id]: 1 });
    const page = await shop.context.newPage();
    await signInThroughForm(page, shop.server.url, account, "/checkout");
    await page.getByLabel("Full name").waitFor(UI_WAIT);

    await tabToId(page, "address-name");
    await page.keyboard.type(SHIPPING_ADDRESS.name);
    await page.keyboard.press("Tab");
    await page.keyboard.type(SHIPPING_ADDRESS.line1);
    await page.keyboard.press("Tab"); // line 2 is optional
    await page.keyboard.press("Tab");
    await page.keyboard.type(SHIPPING_ADDRESS.city);
    await page.keyboard.press("Tab");
    await page.keyboard.type(SHIPPING_ADDRESS.postalCode);
    await page.keyboard.press("Tab");
    await page.keyboard.type("USA");
    await page.keyboard.press("Enter");

    // addressSchema's own message, and focus on the field to fix.
    await page.getByText("Country must be a 2-letter ISO 3166-1 code").waitFor(UI_WAIT);
    await expect.poll(() => focusedId(page), UI_WAIT).toBe("address-country");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("us");
    await tabToText(page, "Place order");
    await page.keyboard.press("Enter");

    await page.waitForURL(/\/pay\/[^/]+$/, SAGA_WAIT);
    const orderId = payPageOrderId(page);
    await page.getByRole("heading", { name: "Pay for your order" }).waitFor(UI_WAIT);
    await tabToText(page, "Pay");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .filter({ hasText: /Payment succeeded/ })
      .waitFor(SAGA_WAIT);
    const paid = await orderReaches(orderId, "paid");
    expect(paid.shippingAddress).toEqual(SHIPPING_ADDRESS);
    expect(await accountCart(account.uid)).toEqual({});
  });

  it("lists the shopper's orders newest first and cancels one that awaits payment", async () => {
    const [first, second] = shop.catalog.active.filter((product) => product.stock > 0);
    if (!first || !second) throw new Error("The fixture needs two products in stock");
    const account = await createAccount("history@example.test", PASSWORD, "Ada");
    const older = await placeOrder(account.uid, [{ productId: first.id, quantity: 1 }]);
    await orderReaches(older, "awaiting_payment");
    const newer = await placeOrder(account.uid, [{ productId: second.id, quantity: 1 }]);
    await orderReaches(newer, "awaiting_payment");
    const page = await shop.context.newPage();
    await signInThroughForm(page, shop.server.url, account, "/orders");

    await expect
      .poll(() => page.getByTestId("order-row").getByRole("link").allInnerTexts(), UI_WAIT)
      .toEqual([`Order ${newer}`, `Order ${older}`]);
    await expectNoAxeViolations(page);
    await screenshot(page, "orders");

    await page.getByRole("link", { name: `Order ${older}` }).click();
    await expect.poll(() => statusOf(page), UI_WAIT).toBe("awaiting_payment");
    await page.getByRole("button", { name: "Cancel order" }).click();
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect.poll(() => statusOf(page), UI_WAIT).toBe("cancelled");
    await expect
      .poll(() => orderStatus(page).getByRole("heading").allInnerTexts(), UI_WAIT)
      .toEqual(["Cancelled"]);
    const cancelled = await orderReaches(older, "cancelled");
    expect(cancelled.cancelledAt).toBeDefined();
  });

  it("shows nothing of anyone's order when signed out or signed in as someone else", async () => {
    const product = shop.catalog.active.find((candidate) => candidate.stock > 0);
    if (!product) throw new Error("No product in stock");
    const owner = await createAccount("owner@example.test", PASSWORD, "Owner");
    const orderId = await placeOrder(owner.uid, [{ productId: product.id, quantity: 1 }]);
    await orderReaches(orderId, "awaiting_payment");
    const page = await shop.context.newPage();

    await page.goto(`${shop.server.url}/orders/${orderId}`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Sign in to see your order" }).waitFor(UI_WAIT);
    const signedOut = await page.locator("main").innerText();
    for (const secret of [SHIPPING_ADDRESS.name, SHIPPING_ADDRESS.line1, product.name]) {
      expect(signedOut).not.toContain(secret);
    }

    const stranger = await createAccount("stranger@example.test", PASSWORD, "Stranger");
    await signInThroughForm(page, shop.server.url, stranger, `/orders/${orderId}`);
    await page.getByRole("heading", { name: "Order not found" }).waitFor(UI_WAIT);
    const strangerView = await page.locator("main").innerText();
    for (const secret of [SHIPPING_ADDRESS.name, SHIPPING_ADDRESS.line1, product.name]) {
      expect(strangerView).not.toContain(secret);
    }
    await page.goto(`${shop.server.url}/orders`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "No orders yet" }).waitFor(UI_WAIT);
    await screenshot(page, "order-not-found");
  });
});
