import { FieldValue, type DocumentData, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { deleteDerived, deleteOriginal, GENERATION_KEY, ORIGINAL_KEY, type Bucket } from "./image-files";
import {
  generationOf,
  imageIdFor,
  imagesPrefix,
  objectPathOf,
  parseOriginalName,
  uploadIdOf,
} from "./object-names";

export interface DeleteImageResult {
  productId: string;
  path: string;
  /** Whether the entry was on the product (false when a retry finishes an earlier call). */
  removedEntry: boolean;
  deletedFiles: number;
}

/** A refusal the callable turns into an HttpsError with the same canonical code. */
export class ImageActionError extends Error {
  constructor(
    readonly code: "not-found",
    message: string,
  ) {
    super(message);
    this.name = "ImageActionError";
  }
}

/**
 * Removes the image whose `path` is given from the product (in a transaction, so concurrent
 * uploads keep their entries), then deletes its original and derived files. The files of a
 * pipeline upload are also found from the derived files' metadata, so calling again after a
 * partial failure finishes the job. For an entry the pipeline did not make (the seed's), the
 * files it names under the product's images/ folder go.
 */
export async function deleteProductImage(
  db: Firestore,
  bucket: Bucket,
  input: { productId: string; path: string },
): Promise<DeleteImageResult> {
  const { productId, path } = input;
  const removed = await removeEntry(db, productId, path);
  const uploadId = removed === null ? null : uploadIdOf(removed);

  let deletedFiles = 0;
  const uploads = uploadId !== null ? [uploadId] : await leftoverUploads(bucket, productId, path);
  // Only this product's uploads: an entry is admin-written data, not a licence to delete anything.
  const isOriginal = parseOriginalName(path)?.productId === productId;
  for (const id of uploads) {
    // The original first: while derived files remain, a retry can still tell its generation.
    const generation = generationOf(id);
    if (isOriginal && generation !== null && (await deleteOriginal(bucket, path, generation))) {
      deletedFiles += 1;
    }
    deletedFiles += await deleteDerived(bucket, productId, id);
  }
  if (removed !== null && uploadId === null) {
    deletedFiles += await deleteNamedFiles(bucket, productId, removed);
  }

  if (removed === null && deletedFiles === 0) {
    throw new ImageActionError("not-found", `Product ${productId} has no image ${path}`);
  }
  logger.info("Product image deleted", { productId, path, removedEntry: removed !== null, deletedFiles });
  return { productId, path, removedEntry: removed !== null, deletedFiles };
}

/** The removed entry, or null when the product has none with this path. */
async function removeEntry(db: Firestore, productId: string, path: string): Promise<DocumentData | null> {
  const ref = db.collection("products").doc(productId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const images: unknown = snap.get("images");
    if (!snap.exists || !Array.isArray(images)) return null;
    const index = images.findIndex((entry: unknown) => isRecord(entry) && entry.path === path);
    const entry: unknown = images[index];
    if (!isRecord(entry)) return null;
    tx.update(ref, { images: images.toSpliced(index, 1), updatedAt: FieldValue.serverTimestamp() });
    return entry;
  });
}

/** Uploads of this original whose derived files are still stored (an earlier call stopped half-way). */
async function leftoverUploads(bucket: Bucket, productId: string, path: string): Promise<string[]> {
  const [files] = await bucket.getFiles({ prefix: imagesPrefix(productId) });
  const ids = files.flatMap((file) => {
    const custom = file.metadata.metadata;
    const generation = custom?.[GENERATION_KEY];
    if (custom?.[ORIGINAL_KEY] !== path || typeof generation !== "string") return [];
    return [imageIdFor(path, generation)];
  });
  return [...new Set(ids)];
}

/** An older entry's files: its path and URLs, where they lie in this product's images/ folder. */
async function deleteNamedFiles(bucket: Bucket, productId: string, entry: DocumentData): Promise<number> {
  const urls: unknown = entry.urls;
  const named = [entry.path, ...(isRecord(urls) ? Object.values(urls) : [])].map((value: unknown) =>
    typeof value !== "string" ? null : value.startsWith("products/") ? value : objectPathOf(value),
  );
  const paths = new Set(
    named.filter((p): p is string => p !== null && p.startsWith(imagesPrefix(productId))),
  );
  const deleted = await Promise.all(
    [...paths].map(async (p) => {
      const [exists] = await bucket.file(p).exists();
      if (exists) await bucket.file(p).delete({ ignoreNotFound: true });
      return exists;
    }),
  );
  return deleted.filter(Boolean).length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
