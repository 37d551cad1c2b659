import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { clearAuth, createAccount, seedNotification, type TestAccount } from "./support/auth-emulator";
import { header, signInThroughForm, signOutFromHeader, watchConsole } from "./support/auth-browser";
import { axeViolations, describeViolations } from "./support/axe";
import { UI_WAIT } from "./support/browser";
import { clearFirestore } from "./support/emulators";
import { RESULTS, useSite } from "./support/site";

const site = useSite();
let shopper: TestAccount;

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
  shopper = await createAccount("bell@example.test", "bell-password", "Bell Shopper");
  await seedNotification(shopper.uid, "welcome", {
    title: "Welcome",
    body: "Thanks for joining.",
    minutesAgo: 30,
  });
  await seedNotification(shopper.uid, "paid", {
    title: "Order paid",
    body: "Your order is paid.",
    orderId: "order-1",
    minutesAgo: 20,
  });
  await seedNotification(shopper.uid, "old", {
    title: "Old news",
    body: "Seen it.",
    read: true,
    minutesAgo: 60,
  });
});

/** The bell's badge, or "" when it shows none. */
function badge(page: Page) {
  return async () => (await page.getByTestId("notification-count").allInnerTexts()).join("");
}

async function readFlags(): Promise<Record<string, boolean>> {
  const snapshot = await adminFirestore().collection(`users/${shopper.uid}/notifications`).get();
  return Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.get("read") === true]));
}

describe("notifications", () => {
  it("the bell counts unread notifications live, and the list marks them read", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, site.server.url, shopper);
    await expect.poll(badge(page), UI_WAIT).toBe("2");

    await seedNotification(shopper.uid, "shipped", {
      title: "Order shipped",
      body: "On its way.",
      orderId: "order-1",
    });
    await expect.poll(badge(page), UI_WAIT).toBe("3");
    const bell = header(page).getByRole("link", { name: "Notifications, 3 unread" });
    await bell.waitFor(UI_WAIT);
    await page.screenshot({ path: path.join(RESULTS, "notifications-bell.png") });

    await bell.click();
    await page.waitForURL(`${site.server.url}/notifications`, UI_WAIT);
    const titles = () => page.getByTestId("notification").getByRole("heading").allTextContents();
    await expect
      .poll(titles, UI_WAIT)
      .toEqual(["Unread: Order shipped", "Unread: Order paid", "Unread: Welcome", "Old news"]);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "notifications.png"), fullPage: true });

    await page.getByRole("button", { name: /^Mark as read\W+Order shipped$/ }).click();
    await expect.poll(badge(page), UI_WAIT).toBe("2");
    await expect
      .poll(titles, UI_WAIT)
      .toEqual(["Order shipped", "Unread: Order paid", "Unread: Welcome", "Old news"]);
    await expect.poll(async () => (await readFlags())["shipped"], UI_WAIT).toBe(true);

    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect.poll(badge(page), UI_WAIT).toBe("");
    await page.getByText("All caught up.").waitFor(UI_WAIT);
    await expect.poll(readFlags, UI_WAIT).toEqual({ welcome: true, paid: true, old: true, shipped: true });
    await header(page).getByRole("link", { name: "Notifications", exact: true }).waitFor(UI_WAIT);

    await signOutFromHeader(page);
    await page.getByRole("heading", { name: "Sign in to see your notifications" }).waitFor(UI_WAIT);
    await expect.poll(() => page.getByTestId("notification-bell").count(), UI_WAIT).toBe(0);
    expect(await page.content()).not.toContain("Order shipped");
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });
});
