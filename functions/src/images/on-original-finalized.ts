import * as logger from "firebase-functions/logger";
import { onObjectFinalized } from "firebase-functions/v2/storage";
import { db } from "../admin";
import { parseFinalizedObject } from "./finalized-object";
import { imageTriggerOptions } from "./options";
import { processOriginal } from "./process-original";
import { storage } from "./storage";

/**
 * Turns an original uploaded to `products/{productId}/original/` into the product's WebP sizes
 * (process-original.ts). Fires for every object in the default bucket; anything else returns at
 * once. An event that cannot be read is logged and dropped: a retry would read it the same way.
 */
export const onProductImageUploaded = onObjectFinalized(imageTriggerOptions, async (event) => {
  const parsed = parseFinalizedObject(event.data, event.time);
  if (!parsed.ok) {
    logger.error("Unreadable object event", { id: event.id, issues: parsed.error.issues });
    return;
  }
  await processOriginal({ db, bucket: storage.bucket(parsed.object.bucket) }, parsed.object);
});
