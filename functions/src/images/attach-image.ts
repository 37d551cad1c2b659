import { MAX_IMAGES, productImageSchema, type ProductImage } from "@hearth/domain";
import { FieldValue, type DocumentData, type Firestore } from "firebase-admin/firestore";
import * as z from "zod";
import { ImageRejection } from "./image-rejection";
import { isLaterUpload, uploadIdOf } from "./object-names";

export type AttachOutcome =
  | { kind: "added" }
  /** The same file name uploaded again: the entry keeps its place (and alt text, unless given anew). */
  | { kind: "replaced"; previous: ProductImage }
  /** A redelivered event: the entry is already there. */
  | { kind: "duplicate" }
  /** A newer upload of the same file name is on the product already. */
  | { kind: "superseded" }
  | { kind: "rejected"; rejection: ImageRejection };

/** Only what attaching reads; other entries are written back exactly as they are. */
const storedImageSchema = z.looseObject({ path: z.string(), urls: z.unknown() });

/** Alt text from the upload's metadata, made to fit the product schema: one line, 200 characters. */
export function altFromMetadata(metadata: Readonly<Record<string, string>> | undefined): string | null {
  const alt = metadata?.alt?.replace(/\s+/g, " ").trim();
  return alt ? truncate(alt, 200) : null;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: cut by code points, then by length.
  let cut = "";
  for (const char of text) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}

export interface NewImage extends Omit<ProductImage, "alt"> {
  /** From the upload, or null: then the replaced entry's alt, or the product's name. */
  alt: string | null;
}

/**
 * Adds the image to the product's `images` in a transaction, so uploads processed at the same
 * time each see the others' entries (Firestore retries a transaction whose read went stale).
 * Entries are keyed by `path`, the original's name; an entry of the same upload (`uploadId`) is
 * left alone, so a redelivered event changes nothing.
 */
export async function attachImage(
  db: Firestore,
  productId: string,
  uploadId: string,
  image: NewImage,
): Promise<AttachOutcome> {
  const ref = db.collection("products").doc(productId);
  return db.runTransaction(async (tx): Promise<AttachOutcome> => {
    const snap = await tx.get(ref);
    if (!snap.exists) return { kind: "rejected", rejection: productMissing() };
    const stored: unknown = snap.get("images");
    const images = z.array(storedImageSchema).safeParse(stored ?? []);
    // A product the pipeline cannot read is not one to overwrite: retry, then give up visibly.
    if (!images.success) throw new Error(`Product ${productId} has unreadable images`);
    const entries: DocumentData[] = images.data;
    const name: unknown = snap.get("name");
    const index = images.data.findIndex((entry) => entry.path === image.path);
    const previousEntry = images.data[index];
    if (previousEntry) {
      const previousId = uploadIdOf(previousEntry);
      if (previousId === uploadId) return { kind: "duplicate" };
      if (previousId !== null && isLaterUpload(previousId, uploadId)) return { kind: "superseded" };
      const previous = productImageSchema.parse(previousEntry);
      const entry = productImageSchema.parse({ ...image, alt: image.alt ?? previous.alt });
      tx.update(ref, { images: entries.with(index, entry), updatedAt: FieldValue.serverTimestamp() });
      return { kind: "replaced", previous };
    }
    if (entries.length >= MAX_IMAGES) return { kind: "rejected", rejection: tooManyImages() };
    const entry = productImageSchema.parse({ ...image, alt: image.alt ?? defaultAlt(name) });
    tx.update(ref, { images: [...entries, entry], updatedAt: FieldValue.serverTimestamp() });
    return { kind: "added" };
  });
}

function defaultAlt(name: unknown): string {
  return typeof name === "string" ? truncate(name.trim(), 200) : "";
}

export function productMissing(): ImageRejection {
  return new ImageRejection(
    "product_missing",
    "The product does not exist; create the product first, then upload its images.",
  );
}

function tooManyImages(): ImageRejection {
  return new ImageRejection(
    "too_many_images",
    `The product already has ${MAX_IMAGES} images; delete one before adding another.`,
  );
}
