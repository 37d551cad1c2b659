import { createHash } from "node:crypto";
import type { ImageSize } from "@hearth/domain";

/** Where admins upload; the trigger handles these objects and returns early for everything else. */
const ORIGINAL = /^products\/([^/]+)\/original\/([^/]+)$/;

/**
 * Longest original file name the pipeline takes. The object path ends up in the product's
 * `images[].path`, which firestore.rules limits to 1000 characters without a newline; a sane
 * limit here keeps every accepted name far inside that.
 */
export const MAX_FILE_NAME_LENGTH = 200;

export interface OriginalName {
  productId: string;
  fileName: string;
}

export function parseOriginalName(objectName: string): OriginalName | null {
  const match = ORIGINAL.exec(objectName);
  if (!match?.[1] || !match[2]) return null;
  return { productId: match[1], fileName: match[2] };
}

/** Printable, one line, not too long: a name the product document and the admin UI can carry. */
export function isUsableFileName(fileName: string): boolean {
  return fileName.length <= MAX_FILE_NAME_LENGTH && !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(fileName);
}

/**
 * One id per upload: the object's name and its generation (a new one each time the object is
 * written). A redelivered event gets the same id, so its files and its entry are the same ones;
 * re-uploading a file under the same name gets a new id. The generation stays readable in the id
 * so that two uploads of one name can be put in order.
 */
export function imageIdFor(objectName: string, generation: string): string {
  const hash = createHash("sha256").update(objectName).digest("hex").slice(0, 12);
  return `${hash}-${generation}`;
}

/** The generation inside an id made by imageIdFor, or null for any other id. */
export function generationOf(imageId: string): string | null {
  const match = /^[0-9a-f]{12}-(\d{1,20})$/.exec(imageId);
  return match?.[1] ?? null;
}

/** True when upload `a` was written after upload `b` (generations grow with every write). */
export function isLaterUpload(a: string, b: string): boolean {
  const [ga, gb] = [generationOf(a), generationOf(b)];
  return ga !== null && gb !== null && BigInt(ga) > BigInt(gb);
}

const DERIVED = /^products\/[^/]+\/images\/([0-9a-f]{12}-\d{1,20})-[a-z]+\.webp$/;

/**
 * The upload id of a product's image entry, read back from its URLs (the derived files are
 * named after it), or null for an entry the pipeline did not make (the seed's).
 */
export function uploadIdOf(image: { urls?: unknown }): string | null {
  if (typeof image.urls !== "object" || image.urls === null) return null;
  for (const url of Object.values(image.urls)) {
    const path = typeof url === "string" ? objectPathOf(url) : null;
    const id = path === null ? null : (DERIVED.exec(path)?.[1] ?? null);
    if (id !== null) return id;
  }
  return null;
}

/** The object path inside a Firebase download URL (`…/v0/b/{bucket}/o/{path}?…`), or null. */
export function objectPathOf(url: string): string | null {
  try {
    const match = /^\/v0\/b\/[^/]+\/o\/([^/]+)$/.exec(new URL(url).pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** Derived files live under images/, which the trigger ignores: writing them cannot loop. */
export function derivedPath(productId: string, imageId: string, size: ImageSize): string {
  return `${derivedPrefix(productId, imageId)}${size}.webp`;
}

/**
 * Every derived file of one image and nothing of another's: ids have a single dash, so the dash
 * that ends this prefix cannot fall inside a longer id.
 */
export function derivedPrefix(productId: string, imageId: string): string {
  return `${imagesPrefix(productId)}${imageId}-`;
}

export function imagesPrefix(productId: string): string {
  return `products/${productId}/images/`;
}
