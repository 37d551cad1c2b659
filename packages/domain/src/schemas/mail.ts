import { z } from "zod";

/** Document shape consumed by the Trigger Email extension. */
export const mailSchema = z.object({
  to: z.email(),
  message: z.object({
    subject: z.string().min(1).max(200),
    text: z.string(),
    html: z.string(),
  }),
});
export type Mail = z.infer<typeof mailSchema>;
