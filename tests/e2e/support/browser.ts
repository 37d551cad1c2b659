import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** System Chromium (apt-get install chromium); playwright-core downloads no browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * For expect.poll on page state. The storefront streams: React reveals a finished Suspense
 * boundary up to 300 ms after the last reveal, so at `load` the content can still sit in a hidden
 * <div hidden id="S:…">; a slow CI machine stretches that further.
 */
export const UI_WAIT = { timeout: 15_000 } as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
