import { FieldValue, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import type { ImageRejection } from "./image-rejection";

/** Functions write these, admins read and dismiss them (firestore.rules). */
export function imageErrorsPath(productId: string): string {
  return `products/${productId}/imageErrors`;
}

export interface RefusedUpload {
  productId: string;
  imageId: string;
  fileName: string;
  path: string;
}

/**
 * Records why an upload was refused, where the admin UI shows it beside the product. One
 * document per upload (the image id), so a redelivered event rewrites it instead of adding one.
 */
export async function recordImageError(
  db: Firestore,
  upload: RefusedUpload,
  rejection: ImageRejection,
): Promise<void> {
  logger.warn(`Image upload refused: ${upload.path}: ${rejection.message}`, {
    ...upload,
    code: rejection.code,
  });
  await db.collection(imageErrorsPath(upload.productId)).doc(upload.imageId).set({
    fileName: upload.fileName,
    path: upload.path,
    code: rejection.code,
    message: rejection.reason,
    at: FieldValue.serverTimestamp(),
  });
}
