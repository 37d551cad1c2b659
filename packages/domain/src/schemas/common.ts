import { z } from "zod";

export const MAX_ID_LENGTH = 128;

/** A Firestore document id as referenced from another document. */
export const idSchema = z.string().min(1).max(MAX_ID_LENGTH);

/** ISO 4217 alphabetic code, e.g. "USD". */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO 4217 code");
export type Currency = z.infer<typeof currencySchema>;

export const MAX_SLUG_LENGTH = 120;

export const slugSchema = z
  .string()
  .max(MAX_SLUG_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug must be lowercase words joined by single hyphens");
export type Slug = z.infer<typeof slugSchema>;
