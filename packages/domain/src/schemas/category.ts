import * as z from "zod";
import { slugSchema } from "./common";

export const categorySchema = z.object({
  name: z.string().trim().min(1).max(60),
  slug: slugSchema,
  position: z.int().min(0),
});
export type Category = z.infer<typeof categorySchema>;

/** The back office's category form: the messages name the field's problem in words. */
export const categoryFormSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(60, "Keep the name under 60 characters."),
  slug: z
    .string()
    .trim()
    .min(1, "Enter a slug: it is the category's address, e.g. kitchen.")
    .max(120, "Keep the slug under 120 characters.")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters and digits joined by single hyphens."),
});
export type CategoryForm = z.infer<typeof categoryFormSchema>;
