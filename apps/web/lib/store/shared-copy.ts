import "server-only";
import { headers } from "next/headers";

/** How long client navigations and prefetches may reuse what a page load read. */
export const SHARED_COPY_LIFETIME_MS = 60_000;

/**
 * Whether this render answers a full page load (the browser asking for a document), rather than a
 * client-side navigation or a `<Link>` prefetch (fetches of the RSC payload). Next.js keeps its own
 * prefetch headers from `headers()`, so the browser's Fetch Metadata tell: `Sec-Fetch-Dest:
 * document`, or where that is not sent, an Accept header asking for HTML.
 */
export async function isPageLoad(): Promise<boolean> {
  const request = await headers();
  const destination = request.get("sec-fetch-dest");
  if (destination !== null) return destination === "document" || destination === "iframe";
  return request.get("accept")?.includes("text/html") ?? false;
}

/**
 * A read whose result every visitor shares (config/store, the category list), with a copy kept in
 * this server process. A full page load always reads Firestore and renews the copy, so a page
 * loaded or reloaded shows the settings and categories as they are, however an admin changed them
 * (admins edit them from the browser with the client SDK: the server is never told). Client-side
 * navigations and link prefetches reuse a copy up to SHARED_COPY_LIFETIME_MS old instead: a page's
 * links each render the root layout (and category links their metadata) when prefetched, which
 * cost a read of config/store per link and of the whole category list per category link. So after
 * an admin's change, a shopper who keeps navigating within the site sees it within the lifetime.
 *
 * Serving page loads from the copy as well would save their reads too, but would show changes up
 * to the lifetime late even on reload; that wants the admin screens to invalidate the copy through
 * a server action, which they do not do today.
 */
export function sharedCopy<T>(load: () => Promise<T>): () => Promise<T> {
  let copy: { value: T; readAt: number } | null = null;
  let reading: Promise<T> | null = null;
  const read = () => {
    const started = load();
    reading = started;
    void started
      .then(
        (value) => {
          copy = { value, readAt: Date.now() };
        },
        () => undefined, // the caller gets the error; no copy is kept
      )
      .finally(() => {
        if (reading === started) reading = null;
      });
    return started;
  };
  return async () => {
    if (await isPageLoad()) return read();
    if (copy && Date.now() - copy.readAt < SHARED_COPY_LIFETIME_MS) return copy.value;
    // A burst of prefetches on a server with no fresh copy shares one read.
    return reading ?? read();
  };
}
