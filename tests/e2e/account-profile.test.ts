import path from "node:path";
import { getStorage } from "firebase-admin/storage";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { adminApp, adminFirestore, STORAGE_BUCKET } from "./support/admin";
import { clearAuth, createAccount, type TestAccount } from "./support/auth-emulator";
import {
  headerShowsAccount,
  signInThroughForm,
  signOutFromHeader,
  watchConsole,
} from "./support/auth-browser";
import { axeViolations, describeViolations } from "./support/axe";
import { UI_WAIT } from "./support/browser";
import { clearFirestore, emulatorHost } from "./support/emulators";
import { RESULTS, useSite } from "./support/site";

const site = useSite();
let ada: TestAccount;

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
  ada = await createAccount("ada@example.test", "ada-password", "Ada Lovelace");
});

async function newPage(): Promise<{ page: Page; consoleErrors: () => string[] }> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  return { page, consoleErrors: watchConsole(page) };
}

function mainAlerts(page: Page) {
  return () => page.locator("main").getByRole("alert").filter({ hasText: /\S/ }).allInnerTexts();
}

async function profileData(uid: string) {
  return (await adminFirestore().doc(`users/${uid}`).get()).data();
}

describe("profile page", () => {
  it("shows the shared schema's address errors, then saves a valid address", async () => {
    const { page, consoleErrors } = await newPage();
    await signInThroughForm(page, site.server.url, ada);
    const name = page.getByLabel("Display name");
    await expect.poll(() => name.inputValue(), UI_WAIT).toBe("Ada Lovelace");

    await name.fill("Ada L.");
    await page.getByLabel("Full name").fill("Ada Lovelace");
    await page.getByLabel("Address line 1").fill("12 Analytical Way");
    await page.getByLabel("Postal code").fill("N1 9GU");
    await page.getByLabel("Country code").fill("GBR");
    await page.getByRole("button", { name: "Save profile" }).click();

    await expect.poll(mainAlerts(page), UI_WAIT).toEqual(["Check the highlighted fields."]);
    await expect.poll(() => page.getByTestId("error-city").innerText(), UI_WAIT).toBe("Enter the city.");
    await expect
      .poll(() => page.getByTestId("error-country").innerText(), UI_WAIT)
      .toBe("Country must be a 2-letter ISO 3166-1 code");
    await expect.poll(() => page.evaluate("document.activeElement?.id"), UI_WAIT).toBe("address-city");
    expect((await profileData(ada.uid))?.defaultAddress).toBeNull();
    await page.screenshot({ path: path.join(RESULTS, "account-address-errors.png"), fullPage: true });

    await page.getByLabel("City").fill("London");
    await page.getByLabel("Country code").fill("gb");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("status").filter({ hasText: "Your profile is saved." }).waitFor(UI_WAIT);
    expect(await profileData(ada.uid)).toMatchObject({
      displayName: "Ada L.",
      email: ada.email,
      defaultAddress: {
        name: "Ada Lovelace",
        line1: "12 Analytical Way",
        city: "London",
        postalCode: "N1 9GU",
        country: "GB",
      },
    });
    await headerShowsAccount(page, "Ada L.");

    await page.reload();
    await expect.poll(() => page.getByLabel("City").inputValue(), UI_WAIT).toBe("London");
    await expect.poll(() => page.getByLabel("Country code").inputValue(), UI_WAIT).toBe("GB");
    await page.screenshot({ path: path.join(RESULTS, "account-profile.png"), fullPage: true });
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });

  it("uploads an avatar with a progress bar, shows it, and refuses what the rules refuse", async () => {
    const { page, consoleErrors } = await newPage();
    // Slow every upload request down so the progress bar is there to see.
    await page.route(`http://${emulatorHost("FIREBASE_STORAGE_EMULATOR_HOST")}/**`, async (route) => {
      if (route.request().method() !== "GET") await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await signInThroughForm(page, site.server.url, ada);

    await page.getByLabel("Upload a picture").setInputFiles({
      name: "drawing.svg",
      mimeType: "image/svg+xml",
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await expect.poll(mainAlerts(page), UI_WAIT).toEqual(["Choose a JPEG, PNG, WebP, AVIF or GIF image."]);

    // Random pixels do not compress: about 1 MB, uploaded in several chunks.
    const pixels = Buffer.from(Array.from({ length: 580 * 580 * 3 }, () => Math.floor(Math.random() * 256)));
    const png = await sharp(pixels, { raw: { width: 580, height: 580, channels: 3 } })
      .png()
      .toBuffer();
    expect(png.length).toBeGreaterThan(900_000);
    await page
      .getByLabel("Upload a picture")
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });

    const progress = page.getByTestId("avatar-progress");
    await progress.waitFor(UI_WAIT);
    await expect
      .poll(async () => Number(await progress.getAttribute("value").catch(() => "100")), UI_WAIT)
      .toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS, "account-avatar-progress.png") });
    await page.getByRole("status").filter({ hasText: "Your new picture is saved." }).waitFor(UI_WAIT);

    const avatar = page.getByTestId("avatar-image");
    await expect
      .poll(
        () =>
          avatar.evaluate(
            (img: { complete: boolean; naturalWidth: number }) => img.complete && img.naturalWidth,
          ),
        UI_WAIT,
      )
      .toBe(580);
    expect(await avatar.getAttribute("src")).toContain(encodeURIComponent(`users/${ada.uid}/avatar/`));
    expect(await mainAlerts(page)()).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "account-avatar.png") });

    const [files] = await getStorage(adminApp())
      .bucket(STORAGE_BUCKET)
      .getFiles({ prefix: `users/${ada.uid}/avatar/` });
    expect(files.map((file) => file.metadata.contentType)).toEqual(["image/png"]);
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });
});

describe("privacy", () => {
  it("signed out shows nothing of anyone; another shopper never sees the first one's data", async () => {
    await adminFirestore()
      .doc(`users/${ada.uid}`)
      .update({
        defaultAddress: {
          name: "Ada Lovelace",
          line1: "7 Secret Lane",
          city: "London",
          postalCode: "N1",
          country: "GB",
        },
      });
    const grace = await createAccount("grace@example.test", "grace-password", "Grace Hopper");
    const { page, consoleErrors } = await newPage();
    const leaks = async () => {
      const html = await page.content();
      return ["7 Secret Lane", ada.email, "Ada Lovelace"].filter((text) => html.includes(text));
    };

    await page.goto(`${site.server.url}/account`);
    await page.getByRole("heading", { name: "Sign in to see your account" }).waitFor(UI_WAIT);
    expect(await leaks()).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS, "account-signed-out.png") });

    await signInThroughForm(page, site.server.url, ada);
    await expect.poll(() => page.getByLabel("Address line 1").inputValue(), UI_WAIT).toBe("7 Secret Lane");

    // Signing out on the page clears it at once, without a reload.
    await signOutFromHeader(page);
    await page.getByRole("heading", { name: "Sign in to see your account" }).waitFor(UI_WAIT);
    expect(await leaks()).toEqual([]);

    await signInThroughForm(page, site.server.url, grace);
    await expect.poll(() => page.getByTestId("account-email").innerText(), UI_WAIT).toBe(grace.email);
    await expect.poll(() => page.getByLabel("Display name").inputValue(), UI_WAIT).toBe("Grace Hopper");
    await expect.poll(() => page.getByLabel("Address line 1").inputValue(), UI_WAIT).toBe("");
    expect(await leaks()).toEqual([]);

    await expect.poll(() => page.title(), UI_WAIT).toMatch(/^Your account · /);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(RESULTS, "account-mobile.png"), fullPage: true });
    expect(consoleErrors()).toEqual([]);
    await page.close();
  });
});
