import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import type { CategorySummary } from "@/lib/catalog/categories";
import { listingHref, type ListingParams } from "@/lib/catalog/listing-params";
import type { ListingPage } from "@/lib/catalog/product-listing";
import type { Storefront } from "@/lib/store/storefront";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";
import { CategoryNav } from "./category-nav";
import { ListingFilters } from "./listing-filters";
import { Pagination } from "./pagination";
import { ProductGrid } from "./product-grid";
import styles from "./product-listing.module.css";

type ProductListingProps = {
  title: string;
  basePath: string;
  trail: readonly Crumb[];
  params: ListingParams;
  page: ListingPage;
  categories: readonly CategorySummary[];
  currentSlug: string | null;
  storefront: Storefront;
};

/** The all-products page and the category pages: filters, results and cursor pagination. */
export function ProductListing(props: ProductListingProps) {
  const { title, basePath, params, page, storefront } = props;
  const messages = [...params.issues, ...page.notices];
  if (page.tagIgnored) {
    messages.push(`Search cannot be combined with a tag, so the tag “${params.tag}” is not applied.`);
  }
  const searching = page.searchToken !== null;
  const paged = params.after !== null || params.before !== null;
  const filtered = searching || params.tag !== "" || params.minCents !== null || params.maxCents !== null;
  return (
    <>
      <Breadcrumbs trail={props.trail} current={title} />
      <h1 className={styles.title}>{title}</h1>
      <CategoryNav categories={props.categories} currentSlug={props.currentSlug} />
      <ListingFilters basePath={basePath} params={params} currency={storefront.currency} tags={page.tags} />
      {messages.length > 0 ? (
        <ul className={styles.notices} role="status">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className={searching ? styles.resultsTitle : "visually-hidden"}>
          {searching ? `Results for “${params.q}”` : "Products"}
        </h2>
        {page.products.length > 0 ? (
          <ProductGrid products={page.products} lowStockThreshold={storefront.lowStockThreshold} eager />
        ) : (
          <EmptyState title="No products found">
            {paged ? (
              <p>
                This page has emptied since its link was made.{" "}
                <Link href={listingHref(basePath, params)}>Start from the first page</Link>.
              </p>
            ) : (
              <p>
                {filtered || params.inStock
                  ? "Nothing matches these filters. Try fewer filters or another search."
                  : "There is nothing here yet."}
              </p>
            )}
          </EmptyState>
        )}
      </section>
      <Pagination
        prevHref={page.prevCursor ? listingHref(basePath, params, { before: page.prevCursor }) : null}
        nextHref={page.nextCursor ? listingHref(basePath, params, { after: page.nextCursor }) : null}
      />
    </>
  );
}
