import * as z from "zod";
import { centsToDecimalString, parseMoneyToCents } from "../money";
import {
  MAX_PRICE_CENTS,
  MAX_STOCK_SHARDS,
  MAX_TAGS,
  productInputSchema,
  tagSchema,
  type Product,
  type ProductInput,
} from "./product";

/**
 * The back office's product form as typed: every field a string. It turns into a ProductInput
 * (price in integer cents, tags as a list), which the adminSaveProduct callable validates again
 * with productInputSchema. Messages name the field, as the form shows them beside it.
 */
export function productFormSchema(currency: string) {
  return z
    .object({
      name: z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters."),
      slug: z
        .string()
        .trim()
        .min(1, "Enter a slug: it is the product's address, e.g. cast-iron-skillet.")
        .max(120, "Keep the slug under 120 characters.")
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters and digits joined by single hyphens."),
      description: z.string().max(5000, "Keep the description under 5000 characters."),
      price: z.string().transform((text, context) => {
        const parsed = parseMoneyToCents(text, currency);
        if (!parsed.ok) {
          context.addIssue({ code: "custom", message: `${parsed.error}.` });
          return z.NEVER;
        }
        if (parsed.cents < 1 || parsed.cents > MAX_PRICE_CENTS) {
          const most = centsToDecimalString(MAX_PRICE_CENTS, currency);
          context.addIssue({ code: "custom", message: `Enter a price above 0 and at most ${most}.` });
          return z.NEVER;
        }
        return parsed.cents;
      }),
      categoryId: z.string().min(1, "Choose a category."),
      tags: z.string().transform((text, context) => {
        const tags = [...new Set(text.split(",").map((tag) => tag.trim().toLowerCase()))].filter(Boolean);
        if (tags.length > MAX_TAGS) {
          context.addIssue({ code: "custom", message: `Use at most ${MAX_TAGS} tags.` });
          return z.NEVER;
        }
        const long = tags.find((tag) => !tagSchema.safeParse(tag).success);
        if (long !== undefined) {
          context.addIssue({
            code: "custom",
            message: `Tag "${long.slice(0, 20)}…" is longer than 40 characters.`,
          });
          return z.NEVER;
        }
        return tags;
      }),
      status: z.enum(["draft", "active", "archived"], "Choose a status."),
      stock: z
        .string()
        .trim()
        .regex(/^\d+$/, "Stock is a whole number of units, 0 or more.")
        .transform(Number)
        .pipe(z.int().max(1_000_000, "Stock can be at most 1,000,000.")),
    })
    .transform(({ price, ...rest }): ProductInput => ({ ...rest, priceCents: price }))
    .pipe(productInputSchema);
}

export type ProductFormValues = z.input<ReturnType<typeof productFormSchema>>;

/** The form's starting values for an existing product (or a new one when `product` is null). */
export function productFormValues(product: Product | null, currency: string): ProductFormValues {
  if (!product) {
    return {
      name: "",
      slug: "",
      description: "",
      price: "",
      categoryId: "",
      tags: "",
      status: "draft",
      stock: "0",
    };
  }
  return {
    name: product.name,
    slug: product.slug,
    description: product.description,
    price: centsToDecimalString(product.priceCents, currency),
    categoryId: product.categoryId,
    tags: product.tags.join(", "),
    status: product.status,
    stock: String(product.stock),
  };
}

/**
 * The back office's "Flash-sale shards" field (the product's `stockShards`). It is not part of
 * the product's input: adminSaveProduct takes it beside the product, as it moves units between
 * documents.
 */
export const stockShardsFieldSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, `Enter a whole number of shards from 1 to ${MAX_STOCK_SHARDS}.`)
  .transform(Number)
  .pipe(
    z
      .int()
      .min(1, `Enter a whole number of shards from 1 to ${MAX_STOCK_SHARDS}.`)
      .max(MAX_STOCK_SHARDS, `Use at most ${MAX_STOCK_SHARDS} shards.`),
  );

/** The field's starting value: 1 (unsharded) for a new product or one never sharded. */
export function stockShardsFieldValue(product: Pick<Product, "stockShards"> | null): string {
  return String(product?.stockShards ?? 1);
}
