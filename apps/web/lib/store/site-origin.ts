import "server-only";
import { headers } from "next/headers";

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;

/** This request's origin, for absolute URLs in metadata (canonical, Open Graph). */
export async function requestOrigin(): Promise<string> {
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "";
  if (!HOST.test(host)) return "http://localhost:3000";
  const forwarded = request.get("x-forwarded-proto");
  const local = /^(localhost|127\.|\[::1\])/.test(host);
  const protocol = forwarded === "http" || forwarded === "https" ? forwarded : local ? "http" : "https";
  return `${protocol}://${host}`;
}
