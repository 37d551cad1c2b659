import { z } from "zod";
import { slugSchema } from "./common";

export const categorySchema = z.object({
  name: z.string().trim().min(1).max(60),
  slug: slugSchema,
  position: z.int().min(0),
});
export type Category = z.infer<typeof categorySchema>;
