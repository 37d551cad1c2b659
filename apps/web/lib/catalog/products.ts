import type { QueryDocumentSnapshot } from "firebase/firestore";
import { productSchema, type Product } from "@hearth/domain";
import { z } from "zod";
import { toResponsiveImage, type ResponsiveImage } from "./product-image";

/** What a product card shows. */
export type ProductSummary = {
  id: string;
  name: string;
  slug: string;
  priceCents: number;
  currency: string;
  image: ResponsiveImage | null;
  stock: number;
};

/** Documents that fail the domain schema are logged and left out. */
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

export function productPath(slug: string): string {
  return `/products/${slug}`;
}
