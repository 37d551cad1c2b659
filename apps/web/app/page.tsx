import Link from "next/link";
import { categoryPath } from "@/components/catalog/category-nav";
import { ProductGrid } from "@/components/catalog/product-grid";
import { EmptyState } from "@/components/empty-state";
import { listCategories } from "@/lib/catalog/categories";
import { listFeaturedProducts } from "@/lib/catalog/featured";
import { getServerFirestore } from "@/lib/firebase/server";
import { getStorefront } from "@/lib/store/storefront";
import styles from "./page.module.css";

// Rendered per request: the catalogue lives in Firestore, which the build never reads.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [storefront, featured, categories] = await Promise.all([
    getStorefront(),
    listFeaturedProducts(getServerFirestore()),
    listCategories(),
  ]);

  return (
    <>
      <section className={styles.intro} aria-labelledby="home-title">
        <h1 id="home-title" className={styles.title}>
          {storefront.name}
        </h1>
        <p className={styles.lede}>Everything in the shop, ready when you are.</p>
        <p>
          <Link href="/products" className="button">
            Shop all products
          </Link>
        </p>
      </section>
      {categories.length > 0 ? (
        <section className={styles.section} aria-labelledby="categories-title">
          <h2 id="categories-title" className={styles.sectionTitle}>
            Shop by category
          </h2>
          <ul className={styles.categories} data-testid="home-categories">
            {categories.map((category) => (
              <li key={category.id}>
                <Link href={categoryPath(category.slug)} className={styles.category}>
                  {category.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="featured-title">
        <h2 id="featured-title" className={styles.sectionTitle}>
          {featured.source === "tagged" ? "Featured" : "New arrivals"}
        </h2>
        {featured.products.length > 0 ? (
          <ProductGrid products={featured.products} lowStockThreshold={storefront.lowStockThreshold} eager />
        ) : (
          <EmptyState title="No products yet">
            <p>
              Run <code>npm run seed</code> to add sample products.
            </p>
          </EmptyState>
        )}
      </section>
    </>
  );
}
