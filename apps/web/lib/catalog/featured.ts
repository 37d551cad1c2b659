import "server-only";
import type { Firestore, QueryDocumentSnapshot } from "firebase/firestore";
import { parseProduct, toProductSummary, type ProductSummary } from "./products";
import { listingDescriptor, type ListingShape } from "./queries";
import { runQuery } from "./run-query";

/** Products an admin tags with this are the home page's featured ones. */
export const FEATURED_TAG = "featured";
export const FEATURED_COUNT = 8;

export const NEWEST: ListingShape = {
  scope: "all",
  match: "none",
  minPrice: false,
  maxPrice: false,
  inStock: false,
  sort: "newest",
  direction: "forward",
};

export function summaries(docs: readonly QueryDocumentSnapshot[]): ProductSummary[] {
  return docs.flatMap((doc) => {
    const product = parseProduct(doc);
    return product ? [toProductSummary(doc.id, product)] : [];
  });
}

export type Featured = { products: ProductSummary[]; source: "tagged" | "newest" };

/**
 * The newest products tagged "featured"; a store that tags none shows its newest products,
 * so the home page is never empty (then it reads one more, empty, query).
 */
export async function listFeaturedProducts(db: Firestore): Promise<Featured> {
  const tagged = await runQuery(db, listingDescriptor({ ...NEWEST, match: "tag" }), {
    values: ["active", FEATURED_TAG],
    limit: FEATURED_COUNT,
  });
  if (!tagged.empty) return { products: summaries(tagged.docs), source: "tagged" };
  const newest = await runQuery(db, listingDescriptor(NEWEST), { values: ["active"], limit: FEATURED_COUNT });
  return { products: summaries(newest.docs), source: "newest" };
}
