import * as z from "zod";
import { MAX_CHARGE_CENTS } from "../money";
import { currencySchema, idSchema, slugSchema } from "./common";
import { timestampSchema } from "./timestamp";

/** A dearer product could never be paid for. */
export const MAX_PRICE_CENTS = MAX_CHARGE_CENTS;
export const MAX_STOCK = 1_000_000;
export const MAX_TAGS = 20;
export const MAX_IMAGES = 10;
export const MAX_SEARCH_TOKENS = 200;
/**
 * Stock shards of one product (functions/src/stock): a flash-sale product's units spread over
 * this many documents, so reservations do not all write one document. Up to one per reservation
 * a second expected: Firestore documents a single document's sustained write rate as about one a
 * second.
 */
export const MAX_STOCK_SHARDS = 100;

export const productStatuses = ["draft", "active", "archived"] as const;
export const productStatusSchema = z.enum(productStatuses);
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const imageSizes = ["thumb", "card", "full"] as const;
export const imageSizeSchema = z.enum(imageSizes);
export type ImageSize = z.infer<typeof imageSizeSchema>;

/**
 * A tiny WebP of the whole picture (16 px on its longest side), for the storefront to stretch and
 * blur while the image loads. firestore.rules checks the same pattern.
 */
export const imagePlaceholderSchema = z
  .string()
  .regex(/^data:image\/webp;base64,[A-Za-z0-9+/]{1,1000}={0,2}$/, "Not a WebP data URL");

/**
 * One picture of a product. For images from the pipeline (functions/src/images), `path` is the
 * original upload (`products/{productId}/original/{file}`), unique on the product, and the URLs
 * point at `products/{productId}/images/{uploadId}-{size}.webp`; width and height are those of the
 * largest size. Older entries (the seed's) point `path` at their full size and have no placeholder.
 */
export const productImageSchema = z.object({
  path: z.string().min(1),
  width: z.int().positive(),
  height: z.int().positive(),
  urls: z.partialRecord(imageSizeSchema, z.url({ protocol: /^https?$/ })),
  alt: z.string().max(200),
  placeholder: imagePlaceholderSchema.optional(),
});
export type ProductImage = z.infer<typeof productImageSchema>;

export const imageErrorCodes = [
  "not_an_image",
  "unsupported_format",
  "file_too_large",
  "too_many_pixels",
  "unreadable",
  "bad_file_name",
  "too_many_images",
  "product_missing",
  "gave_up",
] as const;
export const imageErrorCodeSchema = z.enum(imageErrorCodes);
export type ImageErrorCode = z.infer<typeof imageErrorCodeSchema>;

/**
 * `products/{productId}/imageErrors/{imageId}`: an upload the pipeline refused (its original is
 * deleted). Written by functions only; admins read and dismiss (delete) them.
 */
export const productImageErrorSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  code: imageErrorCodeSchema,
  /** A sentence for the admin: what was wrong and what to do. */
  message: z.string(),
  at: timestampSchema,
});
export type ProductImageError = z.infer<typeof productImageErrorSchema>;

export const tagSchema = z.string().trim().min(1).max(40);

export const searchTokenSchema = z
  .string()
  .min(1)
  .max(40)
  .refine((token) => token === token.toLowerCase(), "Search tokens must be lowercase");

export const productSchema = z.object({
  name: z.string().trim().min(1).max(120),
  slug: slugSchema,
  description: z.string().max(5000),
  priceCents: z.int().min(1).max(MAX_PRICE_CENTS),
  currency: currencySchema,
  categoryId: idSchema,
  tags: z.array(tagSchema).max(MAX_TAGS),
  status: productStatusSchema,
  stock: z.int().min(0).max(MAX_STOCK),
  /**
   * Absent (or 1): `stock` is the count reservations take from. Above 1: the units live on that
   * many `products/{id}/stockShards/{i}` documents and `stock` shows their sum, kept by a trigger.
   * Only adminSaveProduct changes it, moving the units in the same transaction.
   */
  stockShards: z.int().min(1).max(MAX_STOCK_SHARDS).optional(),
  images: z.array(productImageSchema).max(MAX_IMAGES),
  searchTokens: z.array(searchTokenSchema).max(MAX_SEARCH_TOKENS),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Product = z.infer<typeof productSchema>;

/** What an admin types; images, tokens, currency and timestamps are filled in elsewhere. */
export const productInputSchema = productSchema.pick({
  name: true,
  slug: true,
  description: true,
  priceCents: true,
  categoryId: true,
  tags: true,
  status: true,
  stock: true,
});
export type ProductInput = z.infer<typeof productInputSchema>;
