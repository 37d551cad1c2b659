import { placeholderStyle, type ResponsiveImage } from "@/lib/catalog/product-image";
import styles from "./product-gallery.module.css";

// Mirrors app/products/[slug]/page.module.css: 7/12 of the page width on wide screens.
const MAIN_SIZES = "(min-width: 72rem) 40rem, (min-width: 56rem) 58vw, 100vw";
const EXTRA_SIZES = "(min-width: 56rem) 12rem, 33vw";

/** The product's pictures; width and height on every img reserve their space before they load. */
export function ProductGallery({ name, images }: { name: string; images: readonly ResponsiveImage[] }) {
  const [main, ...extra] = images;
  if (!main) {
    return (
      <div className={styles.placeholder} aria-hidden="true">
        {name.charAt(0)}
      </div>
    );
  }
  return (
    <div className={styles.gallery}>
      <picture>
        <source srcSet={main.srcSet} sizes={MAIN_SIZES} />
        <img
          className={styles.main}
          src={main.src}
          width={main.width}
          height={main.height}
          alt={main.alt}
          style={placeholderStyle(main)}
          fetchPriority="high"
          data-testid="product-image"
        />
      </picture>
      {extra.length > 0 ? (
        <ul className={styles.extra}>
          {extra.map((image) => (
            <li key={image.src}>
              <picture>
                <source srcSet={image.srcSet} sizes={EXTRA_SIZES} />
                <img
                  className={styles.thumb}
                  src={image.src}
                  width={image.width}
                  height={image.height}
                  alt={image.alt}
                  style={placeholderStyle(image)}
                  loading="lazy"
                  decoding="async"
                />
              </picture>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
