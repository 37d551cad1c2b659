import { EmptyState } from "@/components/empty-state";
import { ProductGrid } from "@/components/product-grid";
import { listActiveProducts } from "@/lib/catalog/products";
import { getServerFirestore } from "@/lib/firebase/server";
import { getStorefront } from "@/lib/store/storefront";
import styles from "./page.module.css";

// Rendered per request: the catalogue lives in Firestore, which the build never reads.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [storefront, products] = await Promise.all([
    getStorefront(),
    listActiveProducts(getServerFirestore(), { sort: "name" }),
  ]);

  return (
    <>
      <section className={styles.intro} aria-labelledby="home-title">
        <h1 id="home-title" className={styles.title}>
          {storefront.name}
        </h1>
        <p className={styles.lede}>Everything in the shop, ready when you are.</p>
      </section>
      <section aria-label="Products">
        {products.length > 0 ? (
          <ProductGrid products={products} />
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
