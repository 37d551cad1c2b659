import { addDays, dayWindow, formatMoney, zonedDate } from "@hearth/domain";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAdminAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { SHIPPING_ADDRESS } from "./support/orders";
import { expectNoAxeViolations, SAGA_WAIT, screenshot, useShop } from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

/** An order as the saga leaves it once paid at `paidAt`. */
async function paidOrder(
  id: string,
  paidAt: Date,
  productId: string,
  name: string,
  quantity: number,
  unit: number,
) {
  const at = Timestamp.fromDate(paidAt);
  const subtotal = quantity * unit;
  await adminFirestore()
    .doc(`orders/${id}`)
    .set({
      uid: "shopper-1",
      items: [{ productId, quantity }],
      shippingAddress: SHIPPING_ADDRESS,
      createdAt: at,
      status: "paid",
      lines: [{ productId, name, unitPriceCents: unit, quantity, lineTotalCents: subtotal }],
      subtotalCents: subtotal,
      shippingCents: 0,
      totalCents: subtotal,
      currency: "USD",
      paidAt: at,
    });
}

describe("back office: dashboard", () => {
  it("shows today so far, runs yesterday's report into the chart and hands out its CSV", async () => {
    const zone = shop.catalog.store.timeZone;
    const now = Date.now();
    const today = zonedDate(now, zone);
    const yesterday = addDays(today, -1);
    const skillet = shop.product("cast-iron-skillet");
    // One order paid today (so far) and two yesterday, in the store's zone.
    await paidOrder("today-1", new Date(now - 1_000), skillet.id, skillet.name, 1, skillet.priceCents);
    const yesterdayNoon = new Date(dayWindow(yesterday, zone).startMs + 12 * 3_600_000);
    await paidOrder("yesterday-1", yesterdayNoon, skillet.id, skillet.name, 2, skillet.priceCents);
    await paidOrder(
      "yesterday-2",
      new Date(yesterdayNoon.getTime() + 60_000),
      skillet.id,
      skillet.name,
      1,
      1_000,
    );

    const admin = await createAdminAccount("owner@example.test", "admin-password-1", "Olive Owner");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, shop.server.url, admin, "/admin");

    const today_ = page.getByRole("region", { name: "Today so far" });
    await expect
      .poll(() => today_.getByTestId("report-figures").innerText(), SAGA_WAIT)
      .toContain(formatMoney(skillet.priceCents, "USD"));
    await expect.poll(() => page.getByText("No reports yet: run one above.").count(), UI_WAIT).toBe(1);

    await expect.poll(() => page.locator("#report-date").inputValue(), UI_WAIT).toBe(yesterday);
    await page.getByRole("button", { name: "Run report" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `The report for ${yesterday} is ready.` })
      .waitFor(SAGA_WAIT);
    const gross = skillet.priceCents * 2 + 1_000;
    await expect
      .poll(() => page.getByTestId("report-file").allInnerTexts(), UI_WAIT)
      .toEqual([expect.stringContaining(`${yesterday}: 2 orders, ${formatMoney(gross, "USD")} net`)]);
    await expect
      .poll(() => page.getByTestId("sales-chart").locator("rect title").allTextContents(), UI_WAIT)
      .toContain(`${yesterday}: ${formatMoney(gross, "USD")}, 2 orders`);
    await expectNoAxeViolations(page);
    await screenshot(page, "admin-dashboard");

    // The CSV link comes from a callable, for admins only, and serves the report.
    const csv = page.waitForResponse((response) =>
      response.url().includes(encodeURIComponent(`reports/${yesterday}.csv`)),
    );
    await page.getByRole("button", { name: `Download CSV for ${yesterday}` }).click();
    const response = await csv;
    expect(response.status()).toBe(200);
    // The browser saves it as a download; read the same URL again to check the file.
    const file = await fetch(response.url());
    expect(file.status).toBe(200);
    expect(await file.text()).toContain(skillet.name);
    expect(consoleErrors()).toEqual([]);
  });
});
