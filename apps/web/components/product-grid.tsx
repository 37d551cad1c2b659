import type { ProductSummary } from "@/lib/catalog/products";
import { ProductCard } from "./product-card";
import styles from "./product-grid.module.css";

export function ProductGrid({ products }: { products: readonly ProductSummary[] }) {
  return (
    <ul className={styles.grid} role="list">
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  );
}
