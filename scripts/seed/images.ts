import { createHash } from "node:crypto";
import type { Storage } from "firebase-admin/storage";
import sharp from "sharp";
import { productImageSchema, type ProductImage } from "@hearth/domain";
import { derivedPrefix, imageIdFor, uploadIdOf } from "../../functions/src/images/object-names";
import { productSvg } from "./artwork";
import type { SeedCategory } from "./catalog";

type Bucket = ReturnType<Storage["bucket"]>;

/**
 * The original is a JPEG: a fraction of a PNG's bytes for these gradients, quick to encode here and
 * to decode in the pipeline, which makes the WebP sizes from it. 1200 × 900 is the pipeline's
 * `full` width, so the storefront shows the same picture as before at every size.
 */
const JPEG = { quality: 90 } as const;
const CONTENT_TYPE = "image/jpeg";
export const ARTWORK_FILE = "artwork.jpg";
/** Custom metadata on the original: what it was rendered from, so an unchanged one is not sent again. */
const ARTWORK_KEY = "hearthArtwork";

export function artworkPath(productId: string): string {
  return `products/${productId}/original/${ARTWORK_FILE}`;
}

export interface Artwork {
  productId: string;
  /** The original's object name: the `path` of its entry in the product's `images`. */
  path: string;
  alt: string;
  svg: string;
  /** Of everything the JPEG is made from; rendering is the costly part, so it is never hashed. */
  hash: string;
}

export function artworkFor(
  input: { productId: string; name: string; category: SeedCategory },
  withText: boolean,
): Artwork {
  const svg = productSvg(input.name, input.category, input.productId, withText);
  const hash = createHash("sha256")
    .update(JSON.stringify({ svg, JPEG, CONTENT_TYPE }))
    .digest("hex")
    .slice(0, 16);
  return { productId: input.productId, path: artworkPath(input.productId), alt: input.name, svg, hash };
}

export interface StoredOriginal {
  generation: string;
  hash: string | undefined;
}

/** The stored original's generation and artwork hash, or null when there is none. */
export async function storedOriginal(bucket: Bucket, path: string): Promise<StoredOriginal | null> {
  try {
    const [metadata] = await bucket.file(path).getMetadata();
    if (metadata.generation === undefined) return null;
    const hash = metadata.metadata?.[ARTWORK_KEY];
    return { generation: String(metadata.generation), hash: typeof hash === "string" ? hash : undefined };
  } catch (error) {
    if (typeof error === "object" && error !== null && "code" in error && error.code === 404) return null;
    throw error;
  }
}

/**
 * True when the stored original is this artwork and the product carries the pipeline's entry for
 * exactly that upload (its id names the original's generation): nothing to upload or wait for.
 */
export function isProcessed(
  artwork: Artwork,
  stored: StoredOriginal | null,
  images: readonly ProductImage[],
): boolean {
  if (stored === null || stored.hash !== artwork.hash) return false;
  const uploadId = imageIdFor(artwork.path, stored.generation);
  return images.some((image) => image.path === artwork.path && uploadIdOf(image) === uploadId);
}

export interface Upload {
  productId: string;
  path: string;
  /** The pipeline's id for this upload: its entry on the product and its error document use it. */
  uploadId: string;
}

/**
 * Renders the artwork and uploads it as the product's original, with its alt text and hash in
 * custom metadata; the Storage trigger takes it from there. Overwriting makes a new generation,
 * which the pipeline puts in place of the previous entry for this path and whose files it deletes.
 * Files of a previous generation that no entry points at (the product was rewritten without
 * them, e.g. after clearing Firestore) are deleted here, since the pipeline no longer knows them.
 */
export async function uploadArtwork(
  bucket: Bucket,
  artwork: Artwork,
  stored: StoredOriginal | null,
  images: readonly ProductImage[],
): Promise<Upload> {
  const data = await sharp(Buffer.from(artwork.svg)).jpeg(JPEG).toBuffer();
  const file = bucket.file(artwork.path);
  await file.save(data, {
    resumable: false,
    contentType: CONTENT_TYPE,
    metadata: { metadata: { alt: artwork.alt, [ARTWORK_KEY]: artwork.hash } },
  });
  const generation = file.metadata.generation ?? (await file.getMetadata())[0].generation;
  if (generation === undefined) throw new Error(`Storage returned no generation for ${artwork.path}`);

  if (stored !== null) {
    const previousId = imageIdFor(artwork.path, stored.generation);
    if (!images.some((image) => uploadIdOf(image) === previousId)) {
      await bucket.deleteFiles({ prefix: derivedPrefix(artwork.productId, previousId) });
    }
  }
  return {
    productId: artwork.productId,
    path: artwork.path,
    uploadId: imageIdFor(artwork.path, String(generation)),
  };
}

/** The entries the seed wrote itself before the pipeline existed: `products/{id}/images/{size}.webp`. */
const LEGACY_SIZES = ["thumb", "card", "full"] as const;
const legacyPath = (productId: string, size: string): string => `products/${productId}/images/${size}.webp`;

/**
 * The product's images to keep when the seed rewrites it: every readable entry (the pipeline's,
 * and any an admin added) except the seed's own pre-pipeline entry, which `legacy` reports.
 */
export function keptImages(productId: string, stored: unknown): { images: ProductImage[]; legacy: boolean } {
  const entries = Array.isArray(stored) ? (stored as unknown[]) : [];
  const images = entries.flatMap((entry) => {
    const parsed = productImageSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
  const kept = images.filter(
    (image) => !(image.path === legacyPath(productId, "full") && uploadIdOf(image) === null),
  );
  return { images: kept, legacy: kept.length < images.length };
}

/** Deletes the pre-pipeline seed's WebP files of a product. */
export async function deleteLegacyFiles(bucket: Bucket, productId: string): Promise<void> {
  await Promise.all(
    LEGACY_SIZES.map((size) => bucket.file(legacyPath(productId, size)).delete({ ignoreNotFound: true })),
  );
}
