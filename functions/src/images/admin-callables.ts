import { idSchema } from "@hearth/domain";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import * as z from "zod";
import { db } from "../admin";
import { parseInput } from "../admins/require-admin";
import { requireCurrentAdmin } from "../admins/require-current-admin";
import { isUsableDocumentId } from "../orders/document-id";
import { deleteProductImage, ImageActionError } from "./delete-image";
import { imageCallableOptions } from "./options";
import { storage } from "./storage";

export const deleteImageInputSchema = z.strictObject({
  // idSchema lets a lone surrogate through, which Firestore cannot take as an id.
  productId: idSchema.refine(isUsableDocumentId, {
    message: "Not a product id",
    when: (payload) => payload.issues.length === 0,
  }),
  /** The entry's `path`: for pipeline images, its original upload. */
  path: z.string().min(1).max(1000),
});

/** Removes one image from a product, with its original upload and every derived size. */
export const adminDeleteProductImage = onCall(imageCallableOptions, async (request) => {
  await requireCurrentAdmin(request);
  const input = parseInput(deleteImageInputSchema, request.data);
  try {
    return await deleteProductImage(db, storage.bucket(), input);
  } catch (error) {
    if (error instanceof ImageActionError) throw new HttpsError(error.code, error.message);
    throw error;
  }
});
