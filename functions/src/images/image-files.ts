import type { Storage } from "firebase-admin/storage";
import { derivedPath, derivedPrefix } from "./object-names";
import { downloadToken } from "./download-urls";
import type { RenderedVariant } from "./render-image";

export type Bucket = ReturnType<Storage["bucket"]>;

/** Derived names carry the upload's id, so a file never changes once written. */
const DERIVED_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** The object's HTTP status in a @google-cloud/storage error, if any. */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "number" ? error.code : undefined;
}

/**
 * The original as it was at this generation, or null when that generation is gone (deleted, or
 * replaced by a newer upload whose own event handles it).
 */
export async function downloadOriginal(
  bucket: Bucket,
  name: string,
  generation: string,
): Promise<Buffer | null> {
  try {
    const [data] = await bucket.file(name, { generation }).download();
    return data;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

export interface DerivedSource {
  productId: string;
  imageId: string;
  originalName: string;
  generation: string;
}

/** Custom metadata on every derived file: which upload it came from, for deleting leftovers. */
export const ORIGINAL_KEY = "hearthOriginal";
export const GENERATION_KEY = "hearthGeneration";

export async function saveVariants(
  bucket: Bucket,
  source: DerivedSource,
  variants: readonly RenderedVariant[],
): Promise<void> {
  await Promise.all(
    variants.map(async (variant) => {
      const path = derivedPath(source.productId, source.imageId, variant.size);
      await bucket.file(path).save(variant.data, {
        resumable: false,
        contentType: "image/webp",
        metadata: {
          cacheControl: DERIVED_CACHE_CONTROL,
          metadata: {
            firebaseStorageDownloadTokens: downloadToken(bucket.name, path),
            [ORIGINAL_KEY]: source.originalName,
            [GENERATION_KEY]: source.generation,
          },
        },
      });
    }),
  );
}

/** Deletes every derived file of one image; returns how many there were. */
export async function deleteDerived(bucket: Bucket, productId: string, imageId: string): Promise<number> {
  const [files] = await bucket.getFiles({ prefix: derivedPrefix(productId, imageId) });
  await Promise.all(files.map((file) => file.delete({ ignoreNotFound: true })));
  return files.length;
}

/**
 * Deletes the original only while it is still this generation: a newer upload under the same
 * name is another image. Returns whether it deleted anything.
 */
export async function deleteOriginal(bucket: Bucket, name: string, generation: string): Promise<boolean> {
  try {
    await bucket.file(name).delete({ ifGenerationMatch: generation });
    return true;
  } catch (error) {
    const status = statusOf(error);
    // 404: already gone; 412: replaced by a newer upload.
    if (status === 404 || status === 412) return false;
    throw error;
  }
}
