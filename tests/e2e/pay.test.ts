import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser";
import { seedCatalog, type SeededProduct } from "./support/catalog-fixtures";
import { clearFirestore } from "./support/emulators";
import { orderReaches, placeOrder, readOrder, seedShopper, stockOf } from "./support/orders";
import { startWebServer, type WebServer } from "./support/web-server";

const UID = "shopper-pay";

let server: WebServer;
let browser: Browser;
let product: SeededProduct;

beforeAll(async () => {
  server = await startWebServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

beforeEach(async () => {
  await clearFirestore();
  const catalog = await seedCatalog();
  const inStock = catalog.active.find((candidate) => candidate.stock >= 4);
  if (!inStock) throw new Error("The catalogue fixture has no product with 4 units in stock");
  product = inStock;
  await seedShopper(UID, "pay@example.test");
});

/** Places an order and waits for the real onOrderCreated trigger to open its checkout. */
async function orderAwaitingPayment(quantity: number): Promise<{ orderId: string; checkoutPath: string }> {
  const orderId = await placeOrder(UID, [{ productId: product.id, quantity }]);
  await orderReaches(orderId, "awaiting_payment");
  await expect
    .poll(async () => (await readOrder(orderId)).payment?.checkoutUrl, { timeout: 30_000 })
    .toBeTruthy();
  const checkoutUrl = (await readOrder(orderId)).payment?.checkoutUrl ?? "";
  const checkoutPath = new URL(checkoutUrl).pathname;
  expect(checkoutPath).toBe(`/pay/${orderId}`);
  return { orderId, checkoutPath };
}

async function openCheckout(checkoutPath: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${server.url}${checkoutPath}`, { waitUntil: "load" });
  expect(response?.status(), server.output()).toBe(200);
  await page.getByRole("heading", { name: "Pay for your order" }).waitFor();
  return page;
}

async function choose(page: Page, button: "Pay" | "Decline", result: RegExp): Promise<string> {
  await page.getByRole("button", { name: button, exact: true }).click();
  const status = page.getByRole("status").filter({ hasText: result });
  await status.waitFor({ timeout: 30_000 }).catch((error: unknown) => {
    throw new Error(`${String(error)}\npage: ${status.page().url()}\nserver:\n${server.output()}`);
  });
  return (await status.textContent()) ?? "";
}

describe("test payment page (/pay/{orderId})", () => {
  it("pays an order through the webhook: the order is paid and its stock stays reserved", async () => {
    const { orderId, checkoutPath } = await orderAwaitingPayment(3);
    expect(await stockOf(product.id)).toBe(product.stock - 3);
    const page = await openCheckout(checkoutPath);

    const message = await choose(page, "Pay", /Payment succeeded/);

    expect(message).toBe("Payment succeeded. Your order is paid.");
    expect(await page.getByText("Status:").textContent()).toBe("Status: Paid");
    const paid = await orderReaches(orderId, "paid");
    expect(paid.payment?.paymentIntentId).toBe(`pi_local_${orderId}`);
    expect(await stockOf(product.id)).toBe(product.stock - 3);
    expect(await page.getByRole("button", { name: "Pay", exact: true }).isDisabled()).toBe(true);
    await page.close();
  });

  it("declines an order: the payment fails and the reserved stock goes back", async () => {
    const kept = await orderAwaitingPayment(1);
    const { orderId, checkoutPath } = await orderAwaitingPayment(2);
    expect(await stockOf(product.id)).toBe(product.stock - 3);
    const page = await openCheckout(checkoutPath);

    const message = await choose(page, "Decline", /Payment declined/);

    expect(message).toMatch(/^Payment declined\./);
    const failed = await orderReaches(orderId, "payment_failed");
    expect(failed.stockReleasedAt).toBeDefined();
    expect(await stockOf(product.id)).toBe(product.stock - 1);
    expect((await readOrder(kept.orderId)).status).toBe("awaiting_payment");

    // Reloaded, the page no longer offers to pay.
    await page.reload({ waitUntil: "load" });
    expect(await page.getByText("not awaiting payment").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Pay", exact: true }).count()).toBe(0);
    await page.close();
  });
});
