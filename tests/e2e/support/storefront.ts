import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startWebServer, type WebServer } from "./web-server";

const functionsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../functions");

/**
 * The storefront origin the functions put into `payment.checkoutUrl` (the local provider's
 * `${STOREFRONT_URL}/pay/{id}`): STOREFRONT_URL from functions/.env.demo-hearth, its port moved by
 * HEARTH_PORT_OFFSET exactly as tools/emulators/firebase.mjs moves it for the Functions emulator.
 */
export function storefrontOrigin(): URL {
  const env = readFileSync(path.join(functionsDir, ".env.demo-hearth"), "utf8");
  const configured = /^STOREFRONT_URL=(\S+)$/m.exec(env)?.[1];
  if (!configured) throw new Error("functions/.env.demo-hearth sets no STOREFRONT_URL");
  const url = new URL(configured);
  url.port = String(Number(url.port || 80) + Number(process.env.HEARTH_PORT_OFFSET ?? 0));
  return url;
}

/**
 * `next start` on the port the functions expect, so the browser is redirected to this very server
 * for payment and comes back to the same origin (and so the same signed-in session). `url` is that
 * origin: use it, not 127.0.0.1, or the session stays behind on the other origin.
 */
export async function startStorefront(): Promise<WebServer> {
  const origin = storefrontOrigin();
  const server = await startWebServer({ port: Number(origin.port) });
  return { ...server, url: origin.origin };
}
