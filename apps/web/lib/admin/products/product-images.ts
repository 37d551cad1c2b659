import {
  productImageErrorSchema,
  productSchema,
  type ProductImage,
  type ProductImageError,
} from "@hearth/domain";
import { collection, deleteDoc, doc, onSnapshot, runTransaction, serverTimestamp } from "firebase/firestore";
import { ref, uploadBytesResumable, type UploadTask } from "firebase/storage";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { getClientStorage } from "@/lib/firebase/client-storage";
import { imageFileProblem, storageErrorMessage } from "@/lib/uploads/image-files";

/** storage.rules: originals under 20 MiB; the pipeline refuses the same, and more, in words. */
export const ORIGINAL_MAX_BYTES = 20 * 1024 * 1024;

export const originalProblem = (file: { type: string; size: number }) =>
  imageFileProblem(file, ORIGINAL_MAX_BYTES);
export const originalUploadError = (error: unknown) => storageErrorMessage(error, ORIGINAL_MAX_BYTES);

/** A name Storage and the pipeline accept: the file's own, made safe, after the upload time. */
export function originalPath(productId: string, fileName: string, now: number): string {
  const safe =
    fileName
      .normalize("NFC")
      .replace(/[^\p{L}\p{N}._-]+/gu, "-")
      .replace(/^-+/, "")
      .slice(-120) || "image";
  return `products/${productId}/original/${now}-${safe}`;
}

export type OriginalUpload = { path: string; task: UploadTask; done: Promise<void> };

/** Uploads an original; the image pipeline (functions/src/images) takes it from there. */
export function uploadOriginal(
  productId: string,
  file: File,
  onProgress: (percent: number) => void,
): OriginalUpload {
  const path = originalPath(productId, file.name, Date.now());
  const task = uploadBytesResumable(ref(getClientStorage(), path), file, { contentType: file.type });
  const done = new Promise<void>((resolve, reject) => {
    task.on(
      "state_changed",
      (snapshot) =>
        onProgress(Math.round((snapshot.bytesTransferred / Math.max(1, snapshot.totalBytes)) * 100)),
      reject,
      () => resolve(),
    );
  });
  return { path, task, done };
}

export type ImageErrorEntry = ProductImageError & { id: string };

/** products/{id}/imageErrors: uploads the pipeline refused, with its reason, live. */
export function watchImageErrors(
  productId: string,
  onErrors: (errors: ImageErrorEntry[]) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    collection(getClientFirestore(), "products", productId, "imageErrors"),
    (snapshot) =>
      onErrors(
        snapshot.docs.flatMap((item) => {
          const parsed = productImageErrorSchema.safeParse(item.data());
          return parsed.success ? [{ ...parsed.data, id: item.id }] : [];
        }),
      ),
    onError,
  );
}

export async function dismissImageError(productId: string, errorId: string): Promise<void> {
  await deleteDoc(doc(getClientFirestore(), "products", productId, "imageErrors", errorId));
}

/**
 * Changes the images list in a transaction, so an image the pipeline adds meanwhile is kept:
 * `change` gets the list as stored now and returns the new one.
 */
async function updateImages(
  productId: string,
  change: (images: ProductImage[]) => ProductImage[],
): Promise<void> {
  const db = getClientFirestore();
  const productRef = doc(db, "products", productId);
  await runTransaction(db, async (transaction) => {
    const parsed = productSchema.safeParse((await transaction.get(productRef)).data());
    if (!parsed.success) throw new Error(`products/${productId} is missing or invalid`);
    transaction.update(productRef, { images: change(parsed.data.images), updatedAt: serverTimestamp() });
  });
}

export function setImageAlt(productId: string, path: string, alt: string): Promise<void> {
  return updateImages(productId, (images) =>
    images.map((image) => (image.path === path ? { ...image, alt } : image)),
  );
}

/** Moves an image one place; the first image is the product's picture on cards and in shares. */
export function moveImage(productId: string, path: string, offset: -1 | 1): Promise<void> {
  return updateImages(productId, (images) => {
    const from = images.findIndex((image) => image.path === path);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= images.length) return images;
    const next = [...images];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    return next;
  });
}
