import { formatMoney } from "@hearth/domain";
import { placeholderStyle } from "@/lib/catalog/product-image";
import { productPath, type ProductSummary } from "@/lib/catalog/products";
import { stockLabel, stockState } from "@/lib/catalog/stock";
import styles from "./product-card.module.css";
import { ProductLink } from "./product-link";

// Mirrors the grid in product-grid.module.css: 4 columns of ~270px on wide screens.
const CARD_IMAGE_SIZES = "(min-width: 72rem) 270px, (min-width: 48rem) 33vw, (min-width: 30rem) 50vw, 100vw";

type ProductCardProps = {
  product: ProductSummary;
  lowStockThreshold: number;
  /** Above the fold: load the image at once, it may be the page's largest paint. */
  eager?: boolean;
};

export function ProductCard({ product, lowStockThreshold, eager = false }: ProductCardProps) {
  const stock = stockState(product.stock, lowStockThreshold);
  const soldOut = stock.kind === "sold-out";
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
              style={placeholderStyle(product.image)}
              loading={eager ? "eager" : "lazy"}
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
        <h3 className={styles.name} id={`product-${product.id}`}>
          {/* The link covers the whole card (see .link::after); the heading names it. */}
          <ProductLink href={productPath(product.slug)} className={styles.link}>
            {product.name}
          </ProductLink>
        </h3>
        <p className={styles.price} data-testid="product-price">
          {formatMoney(product.priceCents, product.currency)}
        </p>
        {stock.kind === "low" ? <p className={styles.lowStock}>{stockLabel(stock)}</p> : null}
      </div>
    </article>
  );
}
