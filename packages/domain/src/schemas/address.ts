import * as z from "zod";

export const addressSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z.string().regex(/^[A-Z]{2}$/, "Country must be a 2-letter ISO 3166-1 code"),
});
export type Address = z.infer<typeof addressSchema>;
