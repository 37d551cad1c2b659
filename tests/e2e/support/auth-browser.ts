import type { Page } from "playwright-core";
import { expect } from "vitest";
import { UI_WAIT } from "./browser";

/** Console errors and uncaught exceptions of a page; failed requests the app expects are left out. */
export function watchConsole(page: Page): () => string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium logs every 4xx answer (e.g. a wrong password) as a console error of its own.
    if (message.text().startsWith("Failed to load resource")) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return () => errors;
}

export function header(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

/** Waits until the header shows the signed-in account's name. */
export async function headerShowsAccount(page: Page, name: string): Promise<void> {
  await expect
    .poll(() => page.getByTestId("account-menu").filter({ visible: true }).allInnerTexts(), UI_WAIT)
    .toEqual([name]);
}

export async function headerShowsSignIn(page: Page): Promise<void> {
  await header(page).getByRole("link", { name: "Sign in", exact: true }).waitFor(UI_WAIT);
}

/** Signs in through /sign-in?next=… and waits for the destination. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
  next = "/account",
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${baseUrl}${next}`, UI_WAIT);
}

export async function signOutFromHeader(page: Page): Promise<void> {
  await page.getByTestId("account-menu").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await headerShowsSignIn(page);
}
