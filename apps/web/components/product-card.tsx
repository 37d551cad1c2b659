import { formatMoney } from "@hearth/domain";
import type { ProductSummary } from "@/lib/catalog/products";
import styles from "./product-card.module.css";

/** Below this many units the card tells shoppers stock is running out. */
export const LOW_STOCK_LIMIT = 5;

// Mirrors the grid in product-grid.module.css: 4 columns of ~270px on wide screens.
const CARD_IMAGE_SIZES = "(min-width: 72rem) 270px, (min-width: 48rem) 33vw, (min-width: 30rem) 50vw, 100vw";

export function ProductCard({ product }: { product: ProductSummary }) {
  const soldOut = product.stock === 0;
  return (
    <article
      className={soldOut ? `${styles.card} ${styles.cardSoldOut}` : styles.card}
      data-testid="product-card"
      aria-labelledby={`product-${product.id}`}
    >
      <div className={styles.media}>
        {product.image ? (
          // The variants already exist in three widths, so the browser picks one from srcSet;
          // next/image's optimizer would only add a fetch of Storage it may not reach.
          <picture className={styles.picture}>
            <source srcSet={product.image.srcSet} sizes={CARD_IMAGE_SIZES} />
            <img
              className={styles.image}
              src={product.image.src}
              width={product.image.width}
              height={product.image.height}
              alt={product.image.alt}
              loading="lazy"
              decoding="async"
            />
          </picture>
        ) : (
          <div className={styles.placeholder} aria-hidden="true">
            {product.name.charAt(0)}
          </div>
        )}
        {soldOut ? <span className={`${styles.badge} ${styles.soldOut}`}>Sold out</span> : null}
      </div>
      <div className={styles.body}>
        <h2 className={styles.name} id={`product-${product.id}`}>
          {product.name}
        </h2>
        <p className={styles.price} data-testid="product-price">
          {formatMoney(product.priceCents, product.currency)}
        </p>
        {!soldOut && product.stock <= LOW_STOCK_LIMIT ? (
          <p className={styles.lowStock}>Only {product.stock} left</p>
        ) : null}
      </div>
    </article>
  );
}
