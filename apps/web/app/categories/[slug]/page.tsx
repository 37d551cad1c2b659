import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { categoryPath } from "@/components/catalog/category-nav";
import { ProductListing } from "@/components/catalog/product-listing";
import { findCategoryBySlug, listCategories } from "@/lib/catalog/categories";
import { parseListingParams, type RawSearchParams } from "@/lib/catalog/listing-params";
import { listProducts } from "@/lib/catalog/product-listing";
import { getServerFirestore } from "@/lib/firebase/server";
import { requestOrigin } from "@/lib/store/site-origin";
import { getStorefront } from "@/lib/store/storefront";

export const dynamic = "force-dynamic";

type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const category = await findCategoryBySlug(slug);
  if (!category) return { title: "Category not found" };
  return {
    title: category.name,
    description: `${category.name}: browse, filter and sort the products of this category.`,
    alternates: { canonical: `${await requestOrigin()}${categoryPath(category.slug)}` },
  };
}

export default async function CategoryPage({ params, searchParams }: PageProps) {
  const [{ slug }, raw, storefront, categories] = await Promise.all([
    params,
    searchParams,
    getStorefront(),
    listCategories(),
  ]);
  const category = categories.find((candidate) => candidate.slug === slug);
  if (!category) notFound();
  const listing = parseListingParams(raw, storefront.currency);
  const page = await listProducts(getServerFirestore(), { categoryId: category.id, params: listing });
  return (
    <ProductListing
      title={category.name}
      basePath={categoryPath(category.slug)}
      trail={[
        { label: "Home", href: "/" },
        { label: "All products", href: "/products" },
      ]}
      params={listing}
      page={page}
      categories={categories}
      currentSlug={category.slug}
      storefront={storefront}
    />
  );
}
