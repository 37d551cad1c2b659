import { parseMoneyToCents, tagSchema } from "@hearth/domain";
import { z } from "zod";
import { productSorts, type ProductSort } from "./queries";

/** What a listing URL asks for: the state of the filter form, the sort and the page. */
export type ListingParams = {
  q: string;
  tag: string;
  /** As typed, for the form; minCents/maxCents hold the parsed amounts. */
  min: string;
  max: string;
  minCents: number | null;
  maxCents: number | null;
  inStock: boolean;
  sort: ProductSort;
  /** Opaque cursors (see cursor.ts): the page after one item, or the page before one. */
  after: string | null;
  before: string | null;
  /** Problems with the filters, shown above the results; the offending filter is left out. */
  issues: string[];
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DEFAULT_SORT: ProductSort = "newest";
const MAX_QUERY_LENGTH = 100;

export const SORT_LABELS: Readonly<Record<ProductSort, string>> = {
  newest: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name",
};

const sortSchema = z.enum(productSorts).catch(DEFAULT_SORT);

function first(value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (text ?? "").trim();
}

function parsePrice(text: string, label: string, currency: string, issues: string[]): number | null {
  if (text === "") return null;
  const result = parseMoneyToCents(text, currency);
  if (result.ok) return result.cents;
  issues.push(`${label}: ${result.error}`);
  return null;
}

export function parseListingParams(raw: RawSearchParams, currency: string): ListingParams {
  const issues: string[] = [];
  const q = first(raw.q).slice(0, MAX_QUERY_LENGTH);
  const tagText = first(raw.tag);
  const tag = tagText === "" || tagSchema.safeParse(tagText).success ? tagText : "";
  if (tag !== tagText) issues.push("Tag: not a valid tag");
  const min = first(raw.min);
  const max = first(raw.max);
  let minCents = parsePrice(min, "Minimum price", currency, issues);
  let maxCents = parsePrice(max, "Maximum price", currency, issues);
  if (minCents !== null && maxCents !== null && minCents > maxCents) {
    issues.push("The minimum price is above the maximum price; the price range is ignored");
    minCents = null;
    maxCents = null;
  }
  const after = first(raw.after);
  const before = first(raw.before);
  return {
    q,
    tag,
    min,
    max,
    minCents,
    maxCents,
    inStock: first(raw.stock) === "1",
    sort: sortSchema.parse(first(raw.sort) || DEFAULT_SORT),
    after: after === "" ? null : after,
    before: before === "" || after !== "" ? null : before,
    issues,
  };
}

export type HrefChanges = Partial<Pick<ListingParams, "q" | "tag" | "sort" | "inStock" | "after" | "before">>;

/**
 * A listing URL with these filters and page. Filters keep their typed form; the page resets
 * unless given, and defaults are left out so that URLs stay short and shareable.
 */
export function listingHref(basePath: string, params: ListingParams, changes: HrefChanges = {}): string {
  const next = { after: null, before: null, ...changes };
  const search = new URLSearchParams();
  const q = next.q ?? params.q;
  const tag = next.tag ?? params.tag;
  const sort = next.sort ?? params.sort;
  const inStock = next.inStock ?? params.inStock;
  if (q) search.set("q", q);
  if (tag) search.set("tag", tag);
  if (params.minCents !== null) search.set("min", params.min);
  if (params.maxCents !== null) search.set("max", params.max);
  if (inStock) search.set("stock", "1");
  if (sort !== DEFAULT_SORT) search.set("sort", sort);
  if (next.after) search.set("after", next.after);
  if (next.before) search.set("before", next.before);
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}
