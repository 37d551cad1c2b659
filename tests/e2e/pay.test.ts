import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchBrowser, UI_WAIT } from "./support/browser";
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

async function choose(
  page: Page,
  button: "Pay" | "Decline" | "Let it expire",
  result: RegExp,
): Promise<string> {
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
    await expect.poll(() => page.getByText("Status:").allTextContents(), UI_WAIT).toEqual(["Status: Paid"]);
    const paid = await orderReaches(orderId, "paid");
    expect(paid.payment?.paymentIntentId).toBe(`pi_local_${orderId}`);
    expect(await stockOf(product.id)).toBe(product.stock - 3);
    await expect
      .poll(() => page.getByRole("button", { name: "Pay", exact: true }).isDisabled(), UI_WAIT)
      .toBe(true);
    await page.close();
  });

  it("declines a card and keeps the order open; letting it expire gives the stock back", async () => {
    const kept = await orderAwaitingPayment(1);
    const { orderId, checkoutPath } = await orderAwaitingPayment(2);
    expect(await stockOf(product.id)).toBe(product.stock - 3);
    const page = await openCheckout(checkoutPath);

    const declined = await choose(page, "Decline", /Payment declined/);

    expect(declined).toBe("Payment declined. The order still awaits payment: you can try another card.");
    await expect
      .poll(() => page.getByText("Status:").allTextContents(), UI_WAIT)
      .toEqual(["Status: Awaiting payment"]);
    expect((await readOrder(orderId)).status).toBe("awaiting_payment");
    expect(await stockOf(product.id)).toBe(product.stock - 3);

    const expired = await choose(page, "Let it expire", /expired/);

    expect(expired).toBe("The checkout expired. The reserved items were released.");
    expect((await orderReaches(orderId, "expired")).stockReleasedAt).toBeDefined();
    expect(await stockOf(product.id)).toBe(product.stock - 1);
    expect((await readOrder(kept.orderId)).status).toBe("awaiting_payment");

    // Reloaded, the page no longer offers to pay.
    await page.reload({ waitUntil: "load" });
    await page.getByText("not awaiting payment").waitFor({ state: "visible" });
    await expect.poll(() => page.getByRole("button", { name: "Pay", exact: true }).count(), UI_WAIT).toBe(0);
    await page.close();
  });
});
