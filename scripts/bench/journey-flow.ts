// One shopper's journey through the real storefront in headless Chromium: home, a category, two
// products (one unit of each into the cart), the cart, sign-in at checkout (a returning shopper with
// a saved address), the order, the payment, the order page the payment provider returns to. Every
// request the browser makes is recorded with its size and where it went.
import path from "node:path";
import type { Browser, Locator, Page, Request } from "playwright-core";
import { UI_WAIT } from "../../tests/e2e/support/browser";
import { RESULTS_DIR, ROOT } from "./bench-list";

/** The pricing trigger and the webhook can take a while on a busy machine. */
const SAGA_WAIT = { timeout: 60_000 } as const;

export interface JourneyPlan {
  origin: string;
  category: { name: string; slug: string };
  products: readonly [string, string];
  account: { email: string; password: string };
  /** host:port the browser reaches each service at. */
  hosts: { storage: string; auth: string; firestore: string; functions: string };
}

export type Destination =
  | "app, cacheable"
  | "app, rendered"
  | "test pay page"
  | "storage"
  | "firestore"
  | "auth"
  | "functions"
  | "other";

export interface RequestRecord {
  url: string;
  destination: Destination;
  /** Bytes received, headers and body as sent (compressed). */
  bytes: number;
}

/** Served by the CDN once cached: what App Hosting's CDN may keep (Next.js marks it public, max-age). */
function cacheable(cacheControl: string | undefined): boolean {
  return !!cacheControl && /public/.test(cacheControl) && /(s-maxage|max-age)=[1-9]/.test(cacheControl);
}

async function record(request: Request, plan: JourneyPlan): Promise<RequestRecord | null> {
  const response = await request.response();
  if (!response) return null;
  const url = new URL(request.url());
  const sizes = await request.sizes();
  const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
  const destination = ((): Destination => {
    if (url.origin === plan.origin) {
      // Stripe Checkout's stand-in on the emulators: in production this page is Stripe's.
      if (url.pathname.startsWith("/pay/")) return "test pay page";
      return cacheable(response.headers()["cache-control"]) ? "app, cacheable" : "app, rendered";
    }
    const byHost: [string, Destination][] = [
      [plan.hosts.storage, "storage"],
      [plan.hosts.auth, "auth"],
      [plan.hosts.firestore, "firestore"],
      [plan.hosts.functions, "functions"],
    ];
    return byHost.find(([host]) => url.host === host)?.[1] ?? "other";
  })();
  return { url: request.url(), destination, bytes };
}

async function enabled(button: Locator): Promise<void> {
  const deadline = Date.now() + UI_WAIT.timeout;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error("The button never became enabled");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function addOne(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name, exact: true }).first().click();
  await page.getByRole("heading", { level: 1, name }).waitFor(UI_WAIT);
  const button = page.getByRole("button", { name: "Add to cart" });
  await enabled(button);
  await button.click();
  await page.getByRole("status").filter({ hasText: "Added 1 ×" }).waitFor(UI_WAIT);
}

/**
 * Runs the journey in a fresh browser context (a first visit: empty cache) and returns the
 * recorded requests and the order it placed. `settled` runs after the order page shows it paid
 * and before the context closes (its live listeners keep reading until then).
 */
export async function runJourney(
  browser: Browser,
  plan: JourneyPlan,
  settled: () => Promise<void>,
): Promise<{ requests: RequestRecord[]; orderId: string }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: "block",
  });
  const pending: Promise<RequestRecord | null>[] = [];
  context.on("requestfinished", (request) => pending.push(record(request, plan).catch(() => null)));
  const page = await context.newPage();
  try {
    await page.goto(plan.origin, { waitUntil: "load" });
    await page.getByRole("link", { name: plan.category.name, exact: true }).first().click();
    await page.waitForURL(`${plan.origin}/categories/${plan.category.slug}`, UI_WAIT);
    await addOne(page, plan.products[0]);
    await page.goBack();
    await page.waitForURL(`${plan.origin}/categories/${plan.category.slug}`, UI_WAIT);
    await addOne(page, plan.products[1]);

    await page.getByTestId("cart-link").filter({ visible: true }).click();
    await page.waitForURL(`${plan.origin}/cart`, UI_WAIT);
    await page.getByRole("link", { name: "Check out" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in", UI_WAIT);
    await page.getByLabel("Email").fill(plan.account.email);
    await page.getByLabel("Password").fill(plan.account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${plan.origin}/checkout`, SAGA_WAIT);
    const placeOrder = page.getByRole("button", { name: "Place order" });
    await enabled(placeOrder);
    // The saved address fills the form once the profile has loaded.
    const deadline = Date.now() + UI_WAIT.timeout;
    while ((await page.getByLabel("Full name").inputValue()) === "") {
      if (Date.now() > deadline) throw new Error("The checkout form never showed the saved address");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await placeOrder.click();
    await page.waitForURL(/\/pay\/[^/]+$/, SAGA_WAIT);
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2] ?? "");

    await page.getByRole("heading", { name: "Pay for your order" }).waitFor(UI_WAIT);
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /Payment succeeded/ })
      .waitFor(SAGA_WAIT);
    // Stripe sends the shopper back to the order page (a full page load).
    await page.goto(`${plan.origin}/orders/${encodeURIComponent(orderId)}?checkout=success`, {
      waitUntil: "load",
    });
    await page.locator('[data-testid="order-status"][data-status="paid"]').first().waitFor(SAGA_WAIT);
    await settled();
    const requests = (await Promise.all(pending)).filter((entry) => entry !== null);
    return { requests, orderId };
  } catch (error) {
    const shot = path.join(RESULTS_DIR, "journey-failure.png");
    await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The journey stopped on ${page.url()} (screenshot: ${path.relative(ROOT, shot)}): ${reason}`,
    );
  } finally {
    await context.close();
  }
}
