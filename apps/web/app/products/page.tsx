import type { Metadata } from "next";
import { ProductListing } from "@/components/catalog/product-listing";
import { listCategories } from "@/lib/catalog/categories";
import { parseListingParams, type RawSearchParams } from "@/lib/catalog/listing-params";
import { listProducts } from "@/lib/catalog/product-listing";
import { getServerFirestore } from "@/lib/firebase/server";
import { requestOrigin } from "@/lib/store/site-origin";
import { getStorefront } from "@/lib/store/storefront";

export const dynamic = "force-dynamic";

const BASE_PATH = "/products";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: "All products",
    description: "Every product in the shop, with filters by price, tag and stock.",
    alternates: { canonical: `${await requestOrigin()}${BASE_PATH}` },
  };
}

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function ProductsPage({ searchParams }: PageProps) {
  const [storefront, categories, raw] = await Promise.all([getStorefront(), listCategories(), searchParams]);
  const params = parseListingParams(raw, storefront.currency);
  const page = await listProducts(getServerFirestore(), { params });
  return (
    <ProductListing
      title="All products"
      basePath={BASE_PATH}
      trail={[{ label: "Home", href: "/" }]}
      params={params}
      page={page}
      categories={categories}
      currentSlug={null}
      storefront={storefront}
    />
  );
}
