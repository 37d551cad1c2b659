import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { startWebServer, type WebServer } from "./web-server";

export const RESULTS = path.resolve("test-results");

export interface Site {
  readonly server: WebServer;
  readonly browser: Browser;
}

/**
 * One test file's storefront and browser: the production build is served and Chromium launched
 * before the file's tests, and both are stopped after them.
 */
export function useSite(start: () => Promise<WebServer> = startWebServer): Site {
  let server: WebServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await mkdir(RESULTS, { recursive: true });
    server = await start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error("The storefront is not started yet");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("The browser is not launched yet");
      return browser;
    },
  };
}
