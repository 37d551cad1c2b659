import "server-only";
import { searchQueryToken } from "@hearth/domain";
import { Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase/firestore";
import { decodeCursor, encodeCursor, type CursorValue, type ListingCursor } from "./cursor";
import type { ListingParams } from "./listing-params";
import { parseProduct, toProductSummary, type ProductSummary } from "./products";
import {
  listingQueryId,
  SORT_ORDERS,
  type ListingMatch,
  type ListingShape,
  type ProductSort,
} from "./queries";
import { registeredQuery } from "@/lib/queries/registry";
import { runQuery } from "./run-query";

export const PAGE_SIZE = 12;

export type ListingPage = {
  products: ProductSummary[];
  /** Cursors for the neighbouring pages, or null where there is none. */
  nextCursor: string | null;
  prevCursor: string | null;
  /** The search token the query used (the longest word of q), or null without a search. */
  searchToken: string | null;
  /** A tag and a search cannot share a query (one array-contains each): the tag was left out. */
  tagIgnored: boolean;
  notices: string[];
  /** The tags of this page's products, for the tag filter: reading all tags would cost a scan. */
  tags: string[];
};

function cursorValue(doc: QueryDocumentSnapshot, field: string): CursorValue {
  const value: unknown = doc.get(field);
  if (value instanceof Timestamp) return { seconds: value.seconds, nanoseconds: value.nanoseconds };
  if (typeof value === "string" || typeof value === "number") return value;
  throw new Error(`${doc.ref.path} has no usable ${field} for a cursor`);
}

/** Where a document stands in a sort's order: the place to start after it. */
export function positionOf(doc: QueryDocumentSnapshot, sort: ProductSort): ListingCursor {
  return { sort, values: SORT_ORDERS[sort].map((order) => cursorValue(doc, order.field)), id: doc.id };
}

function cursorOf(doc: QueryDocumentSnapshot, sort: ProductSort): string {
  return encodeCursor(positionOf(doc, sort));
}

type ListingRequest = {
  /** Limit to one category (its document id). */
  categoryId?: string;
  params: ListingParams;
  pageSize?: number;
};

/**
 * One page of active products for the filters, sort and cursor in the URL. Reads the page plus
 * one document, which tells whether there is a page beyond it.
 */
export async function listProducts(
  db: Firestore,
  { categoryId, params, pageSize = PAGE_SIZE }: ListingRequest,
): Promise<ListingPage> {
  const notices: string[] = [];
  const searchToken = params.q === "" ? null : searchQueryToken(params.q);
  if (params.q !== "" && searchToken === null) {
    notices.push("Search needs a word of at least 2 letters or digits; showing everything instead.");
  }
  const tagIgnored = searchToken !== null && params.tag !== "";
  const match: ListingMatch = searchToken !== null ? "search" : params.tag !== "" ? "tag" : "none";

  const afterCursor = params.after === null ? null : decodeCursor(params.after, params.sort);
  const beforeCursor = params.before === null ? null : decodeCursor(params.before, params.sort);
  if ((params.after !== null && !afterCursor) || (params.before !== null && !beforeCursor)) {
    notices.push("That page link is out of date; showing the first page.");
  }
  const cursor = afterCursor ?? beforeCursor;
  const backward = afterCursor === null && beforeCursor !== null;

  const shape: ListingShape = {
    scope: categoryId === undefined ? "all" : "category",
    match,
    minPrice: params.minCents !== null,
    maxPrice: params.maxCents !== null,
    inStock: params.inStock,
    sort: params.sort,
    direction: backward ? "backward" : "forward",
  };
  const values: unknown[] = ["active"];
  if (categoryId !== undefined) values.push(categoryId);
  if (match === "tag") values.push(params.tag);
  if (match === "search") values.push(searchToken);
  if (params.minCents !== null) values.push(params.minCents);
  if (params.maxCents !== null) values.push(params.maxCents);
  if (params.inStock) values.push(0);

  const snapshot = await runQuery(db, registeredQuery(listingQueryId(shape)), {
    values,
    startAfter: cursor,
    limit: pageSize + 1,
  });
  const hasMore = snapshot.docs.length > pageSize;
  const page = snapshot.docs.slice(0, pageSize);
  if (backward) page.reverse();
  const firstDoc = page[0];
  const lastDoc = page.at(-1);

  // Going forward, a cursor means a page came before; going backward, one comes after.
  const hasPrev = backward ? hasMore : cursor !== null;
  const hasNext = backward ? true : hasMore;
  const parsed = page.flatMap((doc) => {
    const product = parseProduct(doc);
    return product ? [{ id: doc.id, product }] : [];
  });
  return {
    products: parsed.map(({ id, product }) => toProductSummary(id, product)),
    tags: [...new Set(parsed.flatMap(({ product }) => product.tags))],
    nextCursor: hasNext && lastDoc ? cursorOf(lastDoc, params.sort) : null,
    prevCursor: hasPrev && firstDoc ? cursorOf(firstDoc, params.sort) : null,
    searchToken,
    tagIgnored,
    notices,
  };
}
