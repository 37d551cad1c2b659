import {
  categorySchema,
  productSchema,
  searchQueryToken,
  toMillis,
  type Product,
  type ProductStatus,
} from "@hearth/domain";
import { doc, onSnapshot, serverTimestamp, updateDoc, type DocumentSnapshot } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { buildQuery } from "@/lib/queries/build-query";
import { CATEGORIES_BY_POSITION } from "@/lib/catalog/queries";
import { registeredQuery } from "@/lib/queries/registry";
import { watchPage, type CreatedAtCursor, type Page } from "../watch-page";
import { adminProductQueryId } from "./product-queries";

export type AdminProductFilters = { status: ProductStatus | null; categoryId: string | null; search: string };

/** A row of the back office's product list. */
export interface AdminProductRow {
  id: string;
  name: string;
  slug: string;
  status: ProductStatus;
  priceCents: number;
  currency: string;
  stock: number;
  categoryId: string;
  thumbUrl: string | null;
  imageCount: number;
  updatedAt: number | null;
}

export type AdminCategory = { id: string; name: string; slug: string; position: number };

function toRow(id: string, product: Product): AdminProductRow {
  const first = product.images[0];
  return {
    id,
    name: product.name,
    slug: product.slug,
    status: product.status,
    priceCents: product.priceCents,
    currency: product.currency,
    stock: product.stock,
    categoryId: product.categoryId,
    thumbUrl: first ? (first.urls.thumb ?? first.urls.card ?? null) : null,
    imageCount: product.images.length,
    updatedAt: toMillis(product.updatedAt),
  };
}

/**
 * One page of products, newest first, live: a product saved or a thumbnail finished elsewhere shows
 * at once. A search uses the longest word's search token, as the storefront does.
 */
export function watchAdminProducts(
  filters: AdminProductFilters,
  after: CreatedAtCursor | null,
  pageSize: number,
  onPage: (page: Page<AdminProductRow>) => void,
  onError: (error: Error) => void,
): () => void {
  const token = filters.search.trim() ? searchQueryToken(filters.search) : null;
  const shape = {
    status: filters.status !== null,
    category: filters.categoryId !== null,
    search: token !== null,
  };
  const values = [filters.status, filters.categoryId, token].filter((value) => value !== null);
  const descriptor = registeredQuery(adminProductQueryId(shape));
  const query = buildQuery(getClientFirestore(), descriptor, {
    values,
    startAfter: after ? { values: [after.createdAt], id: after.id } : null,
    limit: pageSize + 1,
  });
  return watchPage(
    query,
    pageSize,
    (document) => {
      const parsed = productSchema.safeParse(document.data({ serverTimestamps: "estimate" }));
      return parsed.success ? toRow(document.id, parsed.data) : null;
    },
    onPage,
    onError,
  );
}

export type ProductDocState =
  { status: "loading" } | { status: "missing" } | { status: "found"; product: Product };

function toProductState(snapshot: DocumentSnapshot): ProductDocState {
  if (!snapshot.exists()) return { status: "missing" };
  const parsed = productSchema.safeParse(snapshot.data({ serverTimestamps: "estimate" }));
  return parsed.success ? { status: "found", product: parsed.data } : { status: "missing" };
}

/** products/{id}, live: the editor sees the pipeline's images arrive. */
export function watchProduct(
  productId: string,
  onProduct: (state: ProductDocState) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    doc(getClientFirestore(), "products", productId),
    (snapshot) => onProduct(toProductState(snapshot)),
    onError,
  );
}

/** Archive or restore: the one field changes, as the rules allow an admin (updatedAt = now). */
export async function setProductStatus(productId: string, status: ProductStatus): Promise<void> {
  await updateDoc(doc(getClientFirestore(), "products", productId), { status, updatedAt: serverTimestamp() });
}

/** Every category in display order, live. */
export function watchAdminCategories(
  onCategories: (categories: AdminCategory[]) => void,
  onError: (error: Error) => void,
): () => void {
  const query = buildQuery(getClientFirestore(), CATEGORIES_BY_POSITION, { values: [], limit: 200 });
  return onSnapshot(
    query,
    (snapshot) =>
      onCategories(
        snapshot.docs.flatMap((item) => {
          const parsed = categorySchema.safeParse(item.data());
          return parsed.success ? [{ id: item.id, ...parsed.data }] : [];
        }),
      ),
    onError,
  );
}
