import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  where,
  type Firestore,
  type QueryDocumentSnapshot,
} from "firebase/firestore";
import { productSchema, type Product } from "@hearth/domain";
import { z } from "zod";
import { toResponsiveImage, type ResponsiveImage } from "./product-image";

export type ProductSummary = {
  id: string;
  name: string;
  slug: string;
  priceCents: number;
  currency: string;
  image: ResponsiveImage | null;
  stock: number;
};

export type ProductSort = "name" | "newest";

export type ListProductsOptions = {
  sort?: ProductSort;
  limit?: number;
};

export const PRODUCTS_COLLECTION = "products";
const DEFAULT_PAGE_SIZE = 24;

/**
 * Active products for the storefront. The status filter is not optional: the
 * security rules only let visitors list products with status == "active".
 * Documents that fail the domain schema are logged and left out.
 */
export async function listActiveProducts(
  db: Firestore,
  { sort = "name", limit: pageSize = DEFAULT_PAGE_SIZE }: ListProductsOptions = {},
): Promise<ProductSummary[]> {
  const ordering = sort === "name" ? orderBy("name") : orderBy("createdAt", "desc");
  const snapshot = await getDocs(
    query(collection(db, PRODUCTS_COLLECTION), where("status", "==", "active"), ordering, limit(pageSize)),
  );
  return snapshot.docs.flatMap((doc) => {
    const product = parseProduct(doc);
    return product ? [toProductSummary(doc.id, product)] : [];
  });
}

export function parseProduct(doc: QueryDocumentSnapshot): Product | null {
  const result = productSchema.safeParse(doc.data());
  if (result.success) return result.data;
  console.warn(`Skipping invalid product ${doc.ref.path}:\n${z.prettifyError(result.error)}`);
  return null;
}

export function toProductSummary(id: string, product: Product): ProductSummary {
  const firstImage = product.images[0];
  return {
    id,
    name: product.name,
    slug: product.slug,
    priceCents: product.priceCents,
    currency: product.currency,
    image: firstImage ? toResponsiveImage(firstImage) : null,
    stock: product.stock,
  };
}
