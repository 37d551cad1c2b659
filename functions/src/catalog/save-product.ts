import {
  categorySchema,
  idSchema,
  MAX_STOCK,
  MAX_STOCK_SHARDS,
  productInputSchema,
  productSchema,
  searchTokens,
  storeConfigSchema,
  type ProductInput,
} from "@hearth/domain";
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import * as z from "zod";
import { isUsableDocumentId } from "../orders/document-id";
import { readCurrentStock, stockAfterSave, writeShards } from "../stock/save-stock";

export const saveProductInputSchema = z.strictObject({
  /** Absent: create a new product. */
  // An id Firestore would refuse ("..", "__x__", a lone surrogate) names no product.
  productId: z
    .string()
    .trim()
    .pipe(idSchema)
    .refine(isUsableDocumentId, {
      message: "Not a product id",
      when: (payload) => payload.issues.length === 0,
    })
    .optional(),
  product: productInputSchema.strict(),
  /** Documents the stock is spread over (1: unsharded); absent: as the product has now. */
  stockShards: z.int().min(1).max(MAX_STOCK_SHARDS).optional(),
  /** The stock the form showed: a sharded product's save applies `product.stock` minus this. */
  stockBefore: z.int().min(0).max(MAX_STOCK).optional(),
});
export type SaveProductInput = z.infer<typeof saveProductInputSchema>;

export class ProductSaveError extends Error {
  constructor(
    readonly code: "not-found" | "already-exists" | "failed-precondition" | "invalid-argument",
    message: string,
  ) {
    super(message);
    this.name = "ProductSaveError";
  }
}

/**
 * `productSlugs/{slug}` holds the id of the product that owns a slug. Rules give clients no access:
 * only this function writes it, inside the transaction that saves the product, so two saves of one
 * slug cannot both succeed. Products written before the registry (the seed) are found by a query.
 */
const SLUG_REGISTRY = "productSlugs";

/**
 * Creates or updates a product from the back office's form. The server fills in what the admin
 * does not type: the store's currency, the search tokens, the timestamps; the images list belongs
 * to the image pipeline and is never touched here.
 */
export async function saveProduct(db: Firestore, input: SaveProductInput): Promise<{ productId: string }> {
  const { product } = input;
  const products = db.collection("products");
  const ref = input.productId ? products.doc(input.productId) : products.doc();

  await db.runTransaction(async (transaction) => {
    const [existing, category, config, slugOwner, sameSlug] = await Promise.all([
      transaction.get(ref),
      transaction.get(db.doc(`categories/${product.categoryId}`)),
      transaction.get(db.doc("config/store")),
      transaction.get(db.doc(`${SLUG_REGISTRY}/${product.slug}`)),
      transaction.get(products.where("slug", "==", product.slug).limit(2)),
    ]);
    const current = await readCurrentStock(transaction, db, existing);
    if (input.productId && !existing.exists) {
      throw new ProductSaveError("not-found", "This product no longer exists. Reload the list.");
    }
    if (!categorySchema.safeParse(category.data()).success) {
      throw new ProductSaveError("invalid-argument", "Choose a category that exists.");
    }
    const store = storeConfigSchema.safeParse(config.data());
    if (!store.success) {
      throw new ProductSaveError(
        "failed-precondition",
        "Save the store settings first: products take their currency.",
      );
    }
    const ownerId: unknown = slugOwner.get("productId");
    const taken =
      (typeof ownerId === "string" && ownerId !== ref.id) || sameSlug.docs.some((doc) => doc.id !== ref.id);
    if (taken) {
      throw new ProductSaveError(
        "already-exists",
        `Another product already uses the slug "${product.slug}".`,
      );
    }

    const previousSlug: unknown = existing.get("slug");
    if (typeof previousSlug === "string" && previousSlug !== product.slug) {
      transaction.delete(db.doc(`${SLUG_REGISTRY}/${previousSlug}`));
    }
    transaction.set(db.doc(`${SLUG_REGISTRY}/${product.slug}`), { productId: ref.id });

    const shards = input.stockShards ?? current.shards;
    const stock = stockAfterSave(current, product.stock, input.stockBefore);
    const fields = { ...editableFields(product, store.data.currency), stock };
    const sharding = shards > 1 ? { stockShards: shards } : {};
    // Checked before writing, as the rules would check a client's write.
    productSchema.parse({
      ...fields,
      ...sharding,
      images: existing.get("images") ?? [],
      createdAt: existing.get("createdAt") ?? Timestamp.now(),
      updatedAt: Timestamp.now(),
    });
    writeShards(transaction, db, ref.id, current, { total: stock, shards });
    if (existing.exists) {
      transaction.update(ref, {
        ...fields,
        stockShards: shards > 1 ? shards : FieldValue.delete(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    } else {
      transaction.create(ref, {
        ...fields,
        ...sharding,
        images: [],
        createdAt: FieldValue.serverTimestamp(),
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
  });
  return { productId: ref.id };
}

function editableFields(product: ProductInput, currency: string) {
  return {
    ...product,
    currency,
    searchTokens: searchTokens(product.name, product.tags),
  };
}
