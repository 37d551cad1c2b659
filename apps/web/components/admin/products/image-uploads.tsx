"use client";

import type { ProductImage } from "@hearth/domain";
import { useState, type DragEvent } from "react";
import type { ImageErrorEntry } from "@/lib/admin/products/product-images";
import styles from "./product-images.module.css";

type Upload = {
  key: string;
  name: string;
  path: string | null;
  percent: number;
  /** Set when the browser could not upload it (before the pipeline saw it). */
  failure: string | null;
};

const images = () => import("@/lib/admin/products/product-images");

function stateOf(
  upload: Upload,
  stored: readonly ProductImage[],
  errors: readonly ImageErrorEntry[],
): string {
  if (upload.failure) return upload.failure;
  if (upload.percent < 100 || upload.path === null) return `Uploading… ${upload.percent}%`;
  const refused = errors.find((error) => error.path === upload.path);
  if (refused) return refused.message;
  return stored.some((image) => image.path === upload.path) ? "Ready" : "Processing…";
}

/**
 * Drop or choose several images: each uploads to Storage with its own progress bar, then waits for
 * the image pipeline, whose result (the image, or the reason it refused it) arrives live.
 */
export function ImageUploads({
  productId,
  stored,
  errors,
}: {
  productId: string;
  stored: readonly ProductImage[];
  errors: readonly ImageErrorEntry[];
}) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((current) =>
      current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)),
    );

  async function start(files: readonly File[]) {
    const { originalProblem, uploadOriginal, originalUploadError } = await images();
    const added = files.map((file, index) => ({
      file,
      upload: {
        key: `${Date.now()}-${index}-${file.name}`,
        name: file.name,
        path: null,
        percent: 0,
        failure: originalProblem(file),
      } satisfies Upload,
    }));
    setUploads((current) => [...added.map(({ upload }) => upload), ...current]);
    await Promise.all(
      added
        .filter(({ upload }) => upload.failure === null)
        .map(async ({ file, upload }) => {
          const started = uploadOriginal(productId, file, (percent) =>
            update(upload.key, { percent: Math.min(percent, 99) }),
          );
          update(upload.key, { path: started.path });
          try {
            await started.done;
            update(upload.key, { percent: 100 });
          } catch (error) {
            update(upload.key, { failure: originalUploadError(error) });
          }
        }),
    );
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void start([...event.dataTransfer.files]);
  }

  return (
    <div className={styles.uploads}>
      <div
        className={dragging ? `${styles.dropZone} ${styles.dragging}` : styles.dropZone}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p>Drop images here, or</p>
        <label className="button-secondary" htmlFor="product-image-files">
          Choose images
        </label>
        <input
          id="product-image-files"
          className="visually-hidden"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          multiple
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            void start(files);
          }}
        />
        <p className="field-hint">JPEG, PNG, WebP, AVIF or GIF under 20 MB and 50 megapixels.</p>
      </div>
      {uploads.length > 0 ? (
        <ul className={styles.uploadList} aria-label="Uploads">
          {uploads.map((upload) => {
            const state = stateOf(upload, stored, errors);
            return (
              <li key={upload.key} data-testid="image-upload">
                <span className={styles.uploadName}>{upload.name}</span>
                <progress
                  max={100}
                  value={upload.failure ? 0 : upload.percent}
                  aria-label={`Upload of ${upload.name}`}
                />
                <span role="status" data-testid="image-upload-state">
                  {state}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
