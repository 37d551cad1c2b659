import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { adminFirestore } from "./support/admin";
import { clearAuth, createAccount, passwordResetCode } from "./support/auth-emulator";
import {
  header,
  headerShowsAccount,
  headerShowsSignIn,
  signInThroughForm,
  signOutFromHeader,
  watchConsole,
} from "./support/auth-browser";
import { axeViolations, describeViolations } from "./support/axe";
import { UI_WAIT } from "./support/browser";
import { seedCatalog } from "./support/catalog-fixtures";
import { clearFirestore } from "./support/emulators";
import { RESULTS, useSite } from "./support/site";

const site = useSite();

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
  await seedCatalog();
});

async function open(urlPath: string): Promise<{ page: Page; consoleErrors: () => string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors = watchConsole(page);
  const response = await page.goto(`${site.server.url}${urlPath}`, { waitUntil: "load" });
  expect(response?.status(), site.server.output()).toBe(200);
  return { page, consoleErrors };
}

/** The page's own alerts with text (Next's route announcer is an empty alert outside main). */
function alertText(page: Page) {
  return () => page.locator("main").getByRole("alert").filter({ hasText: /\S/ }).allInnerTexts();
}

describe("accounts", () => {
  it("signs up, shows the account in the header, signs out, and signs in after a wrong password", async () => {
    const { page, consoleErrors } = await open("/sign-up");
    await page.getByLabel("Your name").fill("Nora Shopper");
    await page.getByLabel("Email").fill("nora@example.test");
    await page.getByLabel("Password").fill("nora-password-1");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL(`${site.server.url}/`, UI_WAIT);
    await headerShowsAccount(page, "Nora Shopper");
    await page.getByRole("heading", { level: 1 }).waitFor(UI_WAIT);
    await page.screenshot({ path: path.join(RESULTS, "account-signed-up.png") });

    // users/{uid} exactly as the rules' validUser allows, written by the site.browser.
    await expect
      .poll(async () => (await adminFirestore().collection("users").get()).docs.map((d) => d.data()), UI_WAIT)
      .toHaveLength(1);
    const [profile] = (await adminFirestore().collection("users").get()).docs.map((d) => d.data());
    expect(Object.keys(profile ?? {}).sort()).toEqual([
      "createdAt",
      "defaultAddress",
      "displayName",
      "email",
    ]);
    expect(profile).toMatchObject({
      displayName: "Nora Shopper",
      email: "nora@example.test",
      defaultAddress: null,
    });

    await signOutFromHeader(page);
    const signInLink = header(page).getByRole("link", { name: "Sign in", exact: true });
    await expect
      .poll(() => signInLink.evaluate((el) => el === el.ownerDocument.activeElement), UI_WAIT)
      .toBe(true);
    await page.goto(`${site.server.url}/sign-in?next=/account`);
    await page.getByLabel("Email").fill("nora@example.test");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect
      .poll(alertText(page), UI_WAIT)
      .toEqual(["That email and password do not match. Check them and try again."]);
    await page.screenshot({ path: path.join(RESULTS, "account-wrong-password.png") });

    await page.getByLabel("Password").fill("nora-password-1");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${site.server.url}/account`, UI_WAIT);
    await expect
      .poll(() => page.getByTestId("account-email").allInnerTexts(), UI_WAIT)
      .toEqual(["nora@example.test"]);
    await headerShowsAccount(page, "Nora Shopper");
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });

  it("opens and closes the account menu with the keyboard", async () => {
    const account = await createAccount("keys@example.test", "keys-password", "Kay Board");
    const { page, consoleErrors } = await open("/sign-in");
    await signInThroughForm(page, site.server.url, account, "/notifications");
    await headerShowsAccount(page, "Kay Board");
    const toggle = page.getByTestId("account-menu");
    const accountLink = header(page).getByRole("link", { name: "Account", exact: true });

    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => toggle.getAttribute("aria-expanded"), UI_WAIT).toBe("true");
    await accountLink.waitFor({ state: "visible", ...UI_WAIT });
    await page.keyboard.press("Escape");
    await accountLink.waitFor({ state: "hidden", ...UI_WAIT });
    await expect
      .poll(() => toggle.evaluate((el) => el === el.ownerDocument.activeElement), UI_WAIT)
      .toBe(true);

    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect
      .poll(() => accountLink.evaluate((el) => el === el.ownerDocument.activeElement), UI_WAIT)
      .toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${site.server.url}/account`, UI_WAIT);
    await expect.poll(() => toggle.getAttribute("aria-expanded"), UI_WAIT).toBe("false");
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });

  it("explains an email that is taken and a password that is too weak", async () => {
    await createAccount("taken@example.test", "taken-password", "Taken");
    const { page, consoleErrors } = await open("/sign-up");
    await page.getByLabel("Your name").fill("Second");
    await page.getByLabel("Email").fill("taken@example.test");
    await page.getByLabel("Password").fill("another-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect
      .poll(alertText(page), UI_WAIT)
      .toEqual(["An account with this email already exists. Sign in instead, or reset your password."]);

    await page.getByLabel("Email").fill("fresh@example.test");
    await page.getByLabel("Password").fill("123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect
      .poll(alertText(page), UI_WAIT)
      .toEqual(["That password is too weak. Use at least 6 characters."]);
    await headerShowsSignIn(page);
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });

  it("sends guests back to a same-site ?next= path only", async () => {
    const account = await createAccount("next@example.test", "next-password", "Next");
    const { page } = await open("/sign-in?next=https://evil.example/steal");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(`${site.server.url}/`, UI_WAIT);
    await headerShowsAccount(page, "Next");
    await page.close();
  });

  it("resets a forgotten password with the emailed code", async () => {
    const account = await createAccount("forgot@example.test", "old-password", "Forgetful");
    const { page, consoleErrors } = await open("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(`${site.server.url}/reset-password`, UI_WAIT);
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect
      .poll(
        () => page.getByRole("status").filter({ hasText: "link to choose a new password" }).count(),
        UI_WAIT,
      )
      .toBe(1);

    const code = await passwordResetCode(account.email);
    expect(code).toBeTruthy();
    await page.goto(
      `${site.server.url}/reset-password?mode=resetPassword&oobCode=${encodeURIComponent(code ?? "")}`,
    );
    await page.getByText(`Choose a new password for ${account.email}.`).waitFor(UI_WAIT);
    await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByText("Your password has been changed.").waitFor(UI_WAIT);

    await signInThroughForm(page, site.server.url, { email: account.email, password: "brand-new-password" });
    await headerShowsAccount(page, "Forgetful");

    // The code is spent: the page says so and offers a new link.
    await page.goto(
      `${site.server.url}/reset-password?mode=resetPassword&oobCode=${encodeURIComponent(code ?? "")}`,
    );
    await expect
      .poll(alertText(page), UI_WAIT)
      .toEqual([expect.stringMatching(/not valid any more|expired/)]);
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });

  it("has no accessibility violations on the sign-in, sign-up and reset pages", async () => {
    for (const urlPath of ["/sign-in", "/sign-up", "/reset-password"]) {
      const { page } = await open(urlPath);
      await headerShowsSignIn(page);
      await page.getByRole("heading", { level: 1 }).waitFor(UI_WAIT);
      const violations = await axeViolations(page);
      expect(violations, `${urlPath}\n${describeViolations(violations)}`).toEqual([]);
      if (urlPath === "/sign-in") {
        await page.screenshot({ path: path.join(RESULTS, "sign-in.png"), fullPage: true });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(RESULTS, "sign-in-mobile.png"), fullPage: true });
        await header(page)
          .getByRole("link", { name: "Sign in", exact: true })
          .waitFor({ state: "visible", ...UI_WAIT });
      }
      await page.close();
    }
  });
});
