import "server-only";
import { slugSchema } from "@hearth/domain";
import { cache } from "react";
import { getServerFirestore } from "@/lib/firebase/server";
import { NEWEST, summaries } from "./featured";
import { toResponsiveImage, type ResponsiveImage } from "./product-image";
import { positionOf } from "./product-listing";
import { parseProduct, type ProductSummary } from "./products";
import { listingDescriptor, PRODUCT_BY_SLUG } from "./queries";
import { runQuery } from "./run-query";

export type ProductDetail = {
  id: string;
  name: string;
  slug: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  tags: string[];
  categoryId: string;
  images: ResponsiveImage[];
  /** The largest variant of the first image, for Open Graph. */
  shareImage: { url: string; width: number; height: number; alt: string } | null;
};

/**
 * The active product with this slug, or null (unknown, draft or archived: the rules hide those).
 * Cached per request, so generateMetadata and the page share one read.
 */
export const getProductBySlug = cache(async (slug: string): Promise<ProductDetail | null> => {
  if (!slugSchema.safeParse(slug).success) return null;
  const snapshot = await runQuery(getServerFirestore(), PRODUCT_BY_SLUG, {
    values: ["active", slug],
    limit: 1,
  });
  const doc = snapshot.docs[0];
  const product = doc ? parseProduct(doc) : null;
  if (!doc || !product) return null;
  const first = product.images[0];
  const shareUrl = first ? (first.urls.full ?? first.urls.card ?? first.urls.thumb) : undefined;
  return {
    id: doc.id,
    name: product.name,
    slug: product.slug,
    description: product.description,
    priceCents: product.priceCents,
    currency: product.currency,
    stock: product.stock,
    tags: product.tags,
    categoryId: product.categoryId,
    images: product.images.flatMap((image) => toResponsiveImage(image) ?? []),
    shareImage:
      first && shareUrl ? { url: shareUrl, width: first.width, height: first.height, alt: first.alt } : null,
  };
});

const RELATED_COUNT = 4;

/**
 * Newest products of the same category, without the product itself. Reads the four shown, and one
 * more only when the product is among its category's four newest (a query cannot leave one
 * document out and keep this order).
 */
export async function listRelatedProducts(product: {
  id: string;
  categoryId: string;
}): Promise<ProductSummary[]> {
  const db = getServerFirestore();
  const newest = listingDescriptor({ ...NEWEST, scope: "category" });
  const values = ["active", product.categoryId];
  const first = await runQuery(db, newest, { values, limit: RELATED_COUNT });
  const docs = first.docs.filter((doc) => doc.id !== product.id);
  const last = first.docs.at(-1);
  if (last && docs.length < first.docs.length && first.docs.length === RELATED_COUNT) {
    const more = await runQuery(db, newest, {
      values,
      startAfter: positionOf(last, NEWEST.sort),
      limit: RELATED_COUNT - docs.length,
    });
    docs.push(...more.docs);
  }
  return summaries(docs).slice(0, RELATED_COUNT);
}
