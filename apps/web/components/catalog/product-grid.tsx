import type { ProductSummary } from "@/lib/catalog/products";
import { ProductCard } from "./product-card";
import styles from "./product-grid.module.css";

/** Cards in the first row load their images at once; the rest when scrolled near. */
const EAGER_CARDS = 4;

type ProductGridProps = {
  products: readonly ProductSummary[];
  lowStockThreshold: number;
  /** Whether the grid starts above the fold. */
  eager?: boolean;
};

export function ProductGrid({ products, lowStockThreshold, eager = false }: ProductGridProps) {
  return (
    <ul className={styles.grid} role="list">
      {products.map((product, index) => (
        <li key={product.id}>
          <ProductCard
            product={product}
            lowStockThreshold={lowStockThreshold}
            eager={eager && index < EAGER_CARDS}
          />
        </li>
      ))}
    </ul>
  );
}
