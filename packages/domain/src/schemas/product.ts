import { z } from "zod";
import { MAX_CHARGE_CENTS } from "../money";
import { currencySchema, idSchema, slugSchema } from "./common";
import { timestampSchema } from "./timestamp";

/** A dearer product could never be paid for. */
export const MAX_PRICE_CENTS = MAX_CHARGE_CENTS;
export const MAX_STOCK = 1_000_000;
export const MAX_TAGS = 20;
export const MAX_IMAGES = 10;
export const MAX_SEARCH_TOKENS = 200;

export const productStatuses = ["draft", "active", "archived"] as const;
export const productStatusSchema = z.enum(productStatuses);
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const imageSizes = ["thumb", "card", "full"] as const;
export const imageSizeSchema = z.enum(imageSizes);
export type ImageSize = z.infer<typeof imageSizeSchema>;

export const productImageSchema = z.object({
  path: z.string().min(1),
  width: z.int().positive(),
  height: z.int().positive(),
  urls: z.partialRecord(imageSizeSchema, z.url({ protocol: /^https?$/ })),
  alt: z.string().max(200),
});
export type ProductImage = z.infer<typeof productImageSchema>;

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
