const BASE = "https://hearth.invalid";

/**
 * Where to go after signing in: a path on this site, or `fallback`. Anything that could leave the
 * site (absolute URLs, `//host`, `/\host`, other schemes) is refused.
 */
export function safeNextPath(next: string | string[] | undefined | null, fallback = "/"): string {
  const raw = Array.isArray(next) ? next[0] : next;
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  try {
    const url = new URL(raw, BASE);
    if (url.origin !== BASE) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Coming back to an auth page after signing in would loop.
    return /^\/(sign-in|sign-up|reset-password)(\/|$|\?)/.test(path) ? fallback : path;
  } catch {
    return fallback;
  }
}

/** `/sign-in?next=…` for a page that needs an account. */
export function signInHref(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** A page's resolved `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;
