import "server-only";
import { categorySchema } from "@hearth/domain";
import { doc, getDoc } from "firebase/firestore";
import { cache } from "react";
import { z } from "zod";
import { getServerFirestore } from "@/lib/firebase/server";
import { sharedCopy } from "@/lib/store/shared-copy";
import { CATEGORIES, CATEGORIES_BY_POSITION } from "./queries";
import { runQuery } from "./run-query";

export type CategorySummary = { id: string; name: string; slug: string };

/** More than a storefront's navigation would ever show; a bound on the read, not a page size. */
const MAX_CATEGORIES = 50;

/**
 * All categories in display order; one query per request, shared by metadata and page (React
 * `cache`). Read afresh for a full page load; client navigations and link prefetches (a category
 * link runs its page's generateMetadata) reuse a copy up to a minute old (lib/store/shared-copy.ts).
 */
export const listCategories = cache(
  sharedCopy(async (): Promise<CategorySummary[]> => {
    const snapshot = await runQuery(getServerFirestore(), CATEGORIES_BY_POSITION, {
      values: [],
      limit: MAX_CATEGORIES,
    });
    return snapshot.docs.flatMap((doc) => {
      const result = categorySchema.safeParse(doc.data());
      if (result.success) return [{ id: doc.id, name: result.data.name, slug: result.data.slug }];
      console.warn(`Skipping invalid category ${doc.ref.path}:\n${z.prettifyError(result.error)}`);
      return [];
    });
  }),
);

export async function findCategoryBySlug(slug: string): Promise<CategorySummary | null> {
  return (await listCategories()).find((category) => category.slug === slug) ?? null;
}

/** One category by id: a single document read, for pages that show only that one. */
export async function getCategory(id: string): Promise<CategorySummary | null> {
  const snapshot = await getDoc(doc(getServerFirestore(), CATEGORIES, id));
  const result = categorySchema.safeParse(snapshot.data());
  return result.success ? { id, name: result.data.name, slug: result.data.slug } : null;
}
