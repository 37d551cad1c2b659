import * as z from "zod";

export const MAX_ID_LENGTH = 128;

/**
 * A Firestore document id as referenced from another document, within Firestore's own constraints
 * on ids: no '/', not '.' or '..', not `__…__` (reserved). Its 1500-byte limit is moot at 128
 * characters. firestore.rules checks the same for order lines and product categories.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[^/]*$/, "An id cannot contain '/'")
  .refine((id) => id !== "." && id !== "..", "An id cannot be '.' or '..'")
  .refine((id) => !/^__[\s\S]*__$/.test(id), "An id cannot start and end with '__'")
  // A lone surrogate is not text: Firestore refuses it as a document id and in paths.
  .refine((id) => !/\p{Cs}/u.test(id), "An id must be valid Unicode text");

/** ISO 4217 alphabetic code, e.g. "USD". */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO 4217 code");
export type Currency = z.infer<typeof currencySchema>;

export const MAX_SLUG_LENGTH = 120;

export const slugSchema = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug must be lowercase words joined by single hyphens");
export type Slug = z.infer<typeof slugSchema>;
