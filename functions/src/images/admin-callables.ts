import { idSchema } from "@hearth/domain";
import { HttpsError, onCall, type CallableRequest } from "firebase-functions/v2/https";
import { z } from "zod";
import { db } from "../admin";
import { describeIssues } from "../orders/describe-issues";
import { deleteProductImage, ImageActionError } from "./delete-image";
import { imageCallableOptions } from "./options";
import { storage } from "./storage";

export const deleteImageInputSchema = z.strictObject({
  productId: idSchema,
  /** The entry's `path`: for pipeline images, its original upload. */
  path: z.string().min(1).max(1000),
});

/** Throws the canonical error a callable client understands unless the caller is an admin. */
export function requireProductAdmin(request: Pick<CallableRequest, "auth">): void {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in to manage products");
  if (request.auth.token.admin !== true) {
    throw new HttpsError("permission-denied", "Only admins can manage products");
  }
}

/** Removes one image from a product, with its original upload and every derived size. */
export const adminDeleteProductImage = onCall(imageCallableOptions, async (request) => {
  requireProductAdmin(request);
  const parsed = deleteImageInputSchema.safeParse(request.data);
  if (!parsed.success) throw new HttpsError("invalid-argument", describeIssues(parsed.error));
  try {
    return await deleteProductImage(db, storage.bucket(), parsed.data);
  } catch (error) {
    if (error instanceof ImageActionError) throw new HttpsError(error.code, error.message);
    throw error;
  }
});
