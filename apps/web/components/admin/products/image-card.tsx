"use client";

import type { ProductImage } from "@hearth/domain";
import { useState } from "react";
import styles from "./product-images.module.css";
import { Thumbnail } from "./thumbnail";

const images = () => import("@/lib/admin/products/product-images");

/** One processed image: its thumbnail, alt text, place in the order, and delete. */
export function ImageCard({
  productId,
  image,
  index,
  count,
}: {
  productId: string;
  image: ProductImage;
  index: number;
  count: number;
}) {
  const [alt, setAlt] = useState(image.alt);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState("");
  const label = image.alt || `Image ${index + 1}`;
  const thumb = image.urls.thumb ?? image.urls.card ?? image.urls.full;

  async function act(work: () => Promise<unknown>, done: string, failed: string) {
    setBusy(true);
    setMessage("");
    try {
      await work();
      setMessage(done);
    } catch (error) {
      const { describeCallableError } = await import("@/lib/admin/callable-error");
      console.warn(failed, error);
      setMessage(`${failed} ${describeCallableError(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const altId = `image-alt-${index}`;
  return (
    <li className={styles.image} data-testid="product-image-card">
      {thumb ? <Thumbnail src={thumb} alt={image.alt} size={160} /> : null}
      {index === 0 ? <strong>Main image</strong> : null}
      <div className="field">
        <label className="field-label" htmlFor={altId}>
          Alt text
        </label>
        <input
          id={altId}
          className="input"
          value={alt}
          maxLength={200}
          onChange={(event) => setAlt(event.target.value)}
        />
      </div>
      <div className={styles.imageActions}>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || alt === image.alt}
          onClick={() =>
            void act(
              async () => (await images()).setImageAlt(productId, image.path, alt.trim()),
              "Alt text saved.",
              "The alt text was not saved.",
            )
          }
        >
          Save alt text
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || index === 0}
          aria-label={`Move ${label} earlier`}
          onClick={() =>
            void act(
              async () => (await images()).moveImage(productId, image.path, -1),
              "",
              "The image was not moved.",
            )
          }
        >
          ←
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || index === count - 1}
          aria-label={`Move ${label} later`}
          onClick={() =>
            void act(
              async () => (await images()).moveImage(productId, image.path, 1),
              "",
              "The image was not moved.",
            )
          }
        >
          →
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() =>
                void act(
                  async () => {
                    const { callAdmin } = await import("@/lib/admin/call-admin");
                    await callAdmin("adminDeleteProductImage", { productId, path: image.path });
                  },
                  "",
                  "The image was not deleted.",
                )
              }
            >
              {busy ? "Deleting…" : "Delete for good"}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            Delete<span className="visually-hidden"> {label}</span>
          </button>
        )}
      </div>
      <p role="status" className="field-hint">
        {message}
      </p>
    </li>
  );
}
