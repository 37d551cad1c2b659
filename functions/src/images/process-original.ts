import { idSchema, imageSizes, type ImageErrorCode } from "@hearth/domain";
import type { Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { isEventTooOld } from "../orders/event-age";
import { altFromMetadata, attachImage, productMissing } from "./attach-image";
import { downloadUrl, storageOrigin } from "./download-urls";
import { deleteDerived, deleteOriginal, downloadOriginal, saveVariants, type Bucket } from "./image-files";
import { recordImageError, type RefusedUpload } from "./image-errors";
import { ImageRejection } from "./image-rejection";
import { checkUpload, inspectImage } from "./inspect-image";
import { derivedPath, imageIdFor, isUsableFileName, parseOriginalName, uploadIdOf } from "./object-names";
import type { FinalizedObject } from "./finalized-object";
import { renderImage } from "./render-image";

/**
 * Storage redelivers a failed event for days. Past this age the pipeline stops retrying, records
 * the failure on the product and deletes the upload, so the admin knows to upload it again.
 */
export const IMAGE_MAX_EVENT_AGE_MS = 30 * 60_000;

export type ProcessOutcome =
  | { kind: "ignored" }
  | { kind: "added" | "replaced" | "duplicate" | "superseded" | "gone"; imageId: string }
  | { kind: "rejected"; imageId: string; code: ImageErrorCode };

export interface PipelineDeps {
  db: Firestore;
  bucket: Bucket;
  /** Origin of the download URLs written on the product; the emulator's or Firebase Storage's. */
  origin?: string;
}

/**
 * The trigger's body for one finalized object. Only originals (`products/{id}/original/{file}`)
 * are processed; derived files and everything else return at once. Safe to run any number of
 * times per event. A refused upload is recorded on the product and deleted; other failures are
 * thrown for the trigger to retry, until the event is IMAGE_MAX_EVENT_AGE_MS old.
 */
export async function processOriginal(
  deps: PipelineDeps,
  object: FinalizedObject,
  now: Date = new Date(),
): Promise<ProcessOutcome> {
  const parsed = parseOriginalName(object.name);
  if (!parsed) return { kind: "ignored" };
  const { productId, fileName } = parsed;
  if (!idSchema.safeParse(productId).success) {
    // No product can have this id, so there is nowhere to record an error either.
    logger.error(`Ignoring ${object.name}: "${productId}" is not a valid product id`);
    return { kind: "ignored" };
  }
  const imageId = imageIdFor(object.name, object.generation);
  const upload: RefusedUpload = { productId, imageId, fileName, path: object.name };

  try {
    if (isEventTooOld(object.eventTime, now, IMAGE_MAX_EVENT_AGE_MS)) {
      throw new ImageRejection(
        "gave_up",
        "Processing this upload kept failing; upload the image again.",
        `event from ${object.eventTime} is older than ${IMAGE_MAX_EVENT_AGE_MS / 60_000} minutes`,
      );
    }
    return await processUpload(deps, object, upload);
  } catch (error) {
    if (!(error instanceof ImageRejection)) {
      logger.warn("Image processing failed; the trigger will retry", {
        path: object.name,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
    await refuse(deps, object, upload, error);
    return { kind: "rejected", imageId, code: error.code };
  }
}

async function processUpload(
  deps: PipelineDeps,
  object: FinalizedObject,
  upload: RefusedUpload,
): Promise<ProcessOutcome> {
  const { db, bucket } = deps;
  const { productId, imageId } = upload;
  // Checks that need neither the file nor a transaction come first: a redelivery of an event
  // already attached, or an upload that is refused anyway, costs no download.
  const product = await db.collection("products").doc(productId).get();
  if (!product.exists) throw productMissing();
  if (hasUpload(product.get("images"), object.name, imageId)) return { kind: "duplicate", imageId };
  if (!isUsableFileName(upload.fileName)) {
    throw new ImageRejection(
      "bad_file_name",
      "The file name is too long or has control characters; rename the file and upload it again.",
    );
  }
  checkUpload(object.size, object.contentType);

  const input = await downloadOriginal(bucket, object.name, object.generation);
  if (input === null) {
    // Deleted or replaced since: the newer upload's own event takes over.
    await deleteDerived(bucket, productId, imageId);
    return { kind: "gone", imageId };
  }
  const { upright } = await inspectImage(input);
  const rendered = await renderImage(input, upright);
  await saveVariants(
    bucket,
    { productId, imageId, originalName: object.name, generation: object.generation },
    rendered.variants,
  );

  const origin = deps.origin ?? storageOrigin();
  const urls = Object.fromEntries(
    imageSizes.map((size) => [size, downloadUrl(origin, bucket.name, derivedPath(productId, imageId, size))]),
  );
  const outcome = await attachImage(db, productId, imageId, {
    path: object.name,
    width: rendered.plan.full.width,
    height: rendered.plan.full.height,
    urls,
    alt: altFromMetadata(object.customMetadata),
    ...(rendered.placeholder === null ? {} : { placeholder: rendered.placeholder }),
  });
  switch (outcome.kind) {
    case "rejected":
      throw outcome.rejection;
    case "superseded":
      await deleteDerived(bucket, productId, imageId);
      return { kind: "superseded", imageId };
    case "replaced": {
      // The previous upload of this name: its original was overwritten; its sizes go now.
      const previousId = uploadIdOf(outcome.previous);
      if (previousId !== null) await deleteDerived(bucket, productId, previousId);
      break;
    }
    case "added":
    case "duplicate":
      break;
  }
  logger.info("Product image processed", { productId, imageId, path: object.name, outcome: outcome.kind });
  return { kind: outcome.kind, imageId };
}

/** Records the refusal first (what the admin sees), then removes the upload and any sizes made. */
async function refuse(
  deps: PipelineDeps,
  object: FinalizedObject,
  upload: RefusedUpload,
  rejection: ImageRejection,
): Promise<void> {
  await recordImageError(deps.db, upload, rejection);
  await deleteDerived(deps.bucket, upload.productId, upload.imageId);
  await deleteOriginal(deps.bucket, object.name, object.generation);
}

function hasUpload(images: unknown, path: string, imageId: string): boolean {
  return (
    Array.isArray(images) &&
    images.some((entry: unknown) => isRecord(entry) && entry.path === path && uploadIdOf(entry) === imageId)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
