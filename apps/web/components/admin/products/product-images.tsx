"use client";

import type { ProductImage } from "@hearth/domain";
import { useLive } from "@/lib/admin/use-live";
import type { ImageErrorEntry } from "@/lib/admin/products/product-images";
import { ImageCard } from "./image-card";
import { ImageUploads } from "./image-uploads";
import styles from "./product-images.module.css";

/** The product's pictures: uploads, the processed images (live), and what the pipeline refused. */
export function ProductImages({ productId, images }: { productId: string; images: readonly ProductImage[] }) {
  const errors = useLive<ImageErrorEntry[]>(`image-errors/${productId}`, async (onValue, onError) =>
    (await import("@/lib/admin/products/product-images")).watchImageErrors(productId, onValue, onError),
  );
  const refused = errors.status === "ready" ? errors.value : [];

  return (
    <section className={styles.section} aria-labelledby="product-images">
      <h2 id="product-images">Images</h2>
      <ImageUploads productId={productId} stored={images} errors={refused} />
      {images.length === 0 ? <p className="field-hint">No images yet.</p> : null}
      <ul className={styles.grid} aria-label="Processed images">
        {images.map((image, index) => (
          <ImageCard
            key={image.path}
            productId={productId}
            image={image}
            index={index}
            count={images.length}
          />
        ))}
      </ul>
      {refused.length > 0 ? (
        <>
          <h3>Refused uploads</h3>
          <ul className={styles.errors}>
            {refused.map((entry) => (
              <li key={entry.id} className="alert" data-testid="image-error">
                <strong>{entry.fileName}</strong>: {entry.message}{" "}
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() =>
                    void import("@/lib/admin/products/product-images")
                      .then(({ dismissImageError }) => dismissImageError(productId, entry.id))
                      .catch((error: unknown) => console.error("Could not dismiss the refused upload", error))
                  }
                >
                  Dismiss<span className="visually-hidden"> {entry.fileName}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
