import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { createAdminAccount } from "./support/auth-emulator";
import { signInThroughForm, watchConsole } from "./support/auth-browser";
import { UI_WAIT } from "./support/browser";
import { orderReaches, placeOrder, readOrder, seedShopper, stockOf } from "./support/orders";
import { SAGA_WAIT, useShop } from "./support/shop";

const shop = useShop({ width: 1280, height: 900 });

describe("back office: orders", () => {
  it("expires unpaid orders past their deadline at once and gives their stock back", async () => {
    const apron = shop.product("linen-apron");
    const before = await stockOf(apron.id);
    await seedShopper("late-payer", "late@example.test");
    const overdue = await placeOrder("late-payer", [{ productId: apron.id, quantity: 2 }]);
    const waiting = await placeOrder("late-payer", [{ productId: apron.id, quantity: 1 }]);
    await orderReaches(overdue, "awaiting_payment");
    await orderReaches(waiting, "awaiting_payment");
    expect(await stockOf(apron.id)).toBe(before - 3);
    // The shopper walked away: the first order's deadline has passed, the second's has not.
    await adminFirestore()
      .doc(`orders/${overdue}`)
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 60_000) });

    const admin = await createAdminAccount("owner@example.test", "admin-password-1", "Olive Owner");
    const page = await shop.context.newPage();
    const consoleErrors = watchConsole(page);
    await signInThroughForm(page, shop.server.url, admin, "/admin/orders");
    const run = page.getByRole("button", { name: "Expire unpaid orders now" });
    await run.click();
    await page
      .locator("main")
      .getByRole("status")
      .filter({ hasText: "1 unpaid order expired; their stock is back." })
      .waitFor(SAGA_WAIT);

    expect((await orderReaches(overdue, "expired")).stockReleasedAt).toBeDefined();
    expect((await readOrder(waiting)).status).toBe("awaiting_payment");
    await expect.poll(() => stockOf(apron.id), UI_WAIT).toBe(before - 1);

    await run.click();
    await page
      .locator("main")
      .getByRole("status")
      .filter({ hasText: "No unpaid order is past its deadline." })
      .waitFor(UI_WAIT);
    expect(consoleErrors()).toEqual([]);
  });
});
