import type { Direction, FilterShape, OrderShape, QueryDescriptor } from "../queries/descriptor";

/**
 * The catalog's Firestore queries, listed in the app's registry (lib/queries/registry.ts) with
 * the shopper's own. Each has its composite index in firestore.indexes.json
 * (test/query-registry.test.ts checks), and the code that runs a query asks the registry for its
 * descriptor, so nothing runs that is not listed.
 *
 * Design:
 * - Visitors may only list products with status == "active" (firestore.rules), so every product
 *   query starts with that equality.
 * - Firestore allows one array-contains per query: a tag filter and a text search (searchTokens)
 *   are therefore never combined; the listing drops the tag while searching and says so.
 * - Range filters (price range, stock > 0) need an orderBy on their fields. Each sort therefore
 *   orders by its key and then by priceCents and stock, whether or not they are filtered, so one
 *   index per sort serves every combination of range filters, and a cursor is the values of those
 *   fields plus the document id.
 * - "Previous page" reads the same ordering reversed (startAfter the page's first item, then the
 *   results are flipped back): Firestore cannot scan a composite index backwards, so the reversed
 *   orderings of "newest" and "name" have their own indexes; the price sorts are each other's
 *   reverse and share theirs.
 */

export const PRODUCTS = "products";
export const CATEGORIES = "categories";

export const productSorts = ["newest", "price-asc", "price-desc", "name"] as const;
export type ProductSort = (typeof productSorts)[number];

/** The ordering of each sort, before the implied document id (same direction as the last field). */
export const SORT_ORDERS: Readonly<Record<ProductSort, readonly OrderShape[]>> = {
  newest: [
    { field: "createdAt", direction: "desc" },
    { field: "priceCents", direction: "desc" },
    { field: "stock", direction: "desc" },
  ],
  "price-asc": [
    { field: "priceCents", direction: "asc" },
    { field: "stock", direction: "asc" },
  ],
  "price-desc": [
    { field: "priceCents", direction: "desc" },
    { field: "stock", direction: "desc" },
  ],
  name: [
    { field: "name", direction: "asc" },
    { field: "priceCents", direction: "asc" },
    { field: "stock", direction: "asc" },
  ],
};

export type ListingScope = "all" | "category";
/** At most one array-contains: a tag, or a search token. */
export type ListingMatch = "none" | "tag" | "search";
export type PageDirection = "forward" | "backward";

export type ListingShape = {
  scope: ListingScope;
  match: ListingMatch;
  minPrice: boolean;
  maxPrice: boolean;
  inStock: boolean;
  sort: ProductSort;
  direction: PageDirection;
};

const flip = (direction: Direction): Direction => (direction === "asc" ? "desc" : "asc");

export function listingQueryId(shape: ListingShape): string {
  const parts = [
    shape.scope === "category" ? "category" : null,
    shape.match === "none" ? null : shape.match,
    shape.minPrice ? "min" : null,
    shape.maxPrice ? "max" : null,
    shape.inStock ? "stock" : null,
  ].filter((part) => part !== null);
  const filters = parts.length > 0 ? parts.join("+") : "all";
  const suffix = shape.direction === "backward" ? "/reversed" : "";
  return `${PRODUCTS}/list/${filters}/${shape.sort}${suffix}`;
}

/** The descriptor of a product listing: the builder both the registry and the runtime use. */
export function listingDescriptor(shape: ListingShape): QueryDescriptor {
  const where: FilterShape[] = [{ field: "status", op: "==" }];
  if (shape.scope === "category") where.push({ field: "categoryId", op: "==" });
  if (shape.match === "tag") where.push({ field: "tags", op: "array-contains" });
  if (shape.match === "search") where.push({ field: "searchTokens", op: "array-contains" });
  if (shape.minPrice) where.push({ field: "priceCents", op: ">=" });
  if (shape.maxPrice) where.push({ field: "priceCents", op: "<=" });
  if (shape.inStock) where.push({ field: "stock", op: ">" });
  const forward = SORT_ORDERS[shape.sort];
  const orderBy =
    shape.direction === "forward"
      ? forward
      : forward.map((order) => ({ field: order.field, direction: flip(order.direction) }));
  return {
    id: listingQueryId(shape),
    collection: PRODUCTS,
    where,
    orderBy,
    purpose: "Catalog listings: home, /products, /categories/[slug], related products",
  };
}

function allListingShapes(): ListingShape[] {
  const shapes: ListingShape[] = [];
  for (const scope of ["all", "category"] as const) {
    for (const match of ["none", "tag", "search"] as const) {
      for (const minPrice of [false, true]) {
        for (const maxPrice of [false, true]) {
          for (const inStock of [false, true]) {
            for (const sort of productSorts) {
              for (const direction of ["forward", "backward"] as const) {
                shapes.push({ scope, match, minPrice, maxPrice, inStock, sort, direction });
              }
            }
          }
        }
      }
    }
  }
  return shapes;
}

export const PRODUCT_BY_SLUG: QueryDescriptor = {
  id: `${PRODUCTS}/by-slug`,
  collection: PRODUCTS,
  where: [
    { field: "status", op: "==" },
    { field: "slug", op: "==" },
  ],
  orderBy: [],
  purpose: "The product page, /products/[slug]",
};

export const CATEGORIES_BY_POSITION: QueryDescriptor = {
  id: `${CATEGORIES}/by-position`,
  collection: CATEGORIES,
  where: [],
  orderBy: [{ field: "position", direction: "asc" }],
  purpose: "Category navigation (home, listings); also finds a category by slug",
};

export const CATALOG_QUERIES: readonly QueryDescriptor[] = [
  ...allListingShapes().map(listingDescriptor),
  PRODUCT_BY_SLUG,
  CATEGORIES_BY_POSITION,
];
