import { MAX_SLUG_LENGTH } from "./schemas/common";
import { MAX_SEARCH_TOKENS } from "./schemas/product";

const MIN_PREFIX = 2;
const MAX_PREFIX = 15;

/** Lowercase, strip diacritics (NFD + drop marks), split on anything that is not a letter or digit. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Prefix tokens for Firestore `array-contains` search. Name words come first so that
 * the cap never drops them in favour of tags or extra terms.
 */
export function searchTokens(name: string, tags: readonly string[], extra: readonly string[] = []): string[] {
  const tokens = new Set<string>();
  const words = [name, ...tags, ...extra].flatMap(searchWords);
  for (const word of words) {
    // Array.from splits by code point so astral letters are never cut in half.
    const chars = Array.from(word);
    const longest = Math.min(chars.length, MAX_PREFIX);
    for (let length = MIN_PREFIX; length <= longest; length++) {
      if (tokens.size >= MAX_SEARCH_TOKENS) return [...tokens];
      tokens.add(chars.slice(0, length).join(""));
    }
  }
  return [...tokens];
}

/** The single token to query with: the longest word of the query, cut to the indexed prefix length. */
export function searchQueryToken(query: string): string | null {
  const longest = searchWords(query)
    .map((word) => Array.from(word))
    .reduce<string[]>((best, chars) => (chars.length > best.length ? chars : best), []);
  if (longest.length < MIN_PREFIX) return null;
  return longest.slice(0, MAX_PREFIX).join("");
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, "");
}
