import { HttpsError, onCall } from "firebase-functions/v2/https";
import { db } from "../admin";
import { REGION } from "../config";
import { parseInput } from "../admins/require-admin";
import { requireCurrentAdmin } from "../admins/require-current-admin";
import { ProductSaveError, saveProduct, saveProductInputSchema } from "./save-product";

/** Creates or edits a product: a callable so that slugs stay unique and search tokens are the server's. */
export const adminSaveProduct = onCall(
  { region: REGION, memory: "256MiB", maxInstances: 10 },
  async (request) => {
    await requireCurrentAdmin(request);
    const input = parseInput(saveProductInputSchema, request.data);
    try {
      return await saveProduct(db, input);
    } catch (error) {
      if (error instanceof ProductSaveError) throw new HttpsError(error.code, error.message);
      throw error;
    }
  },
);
