import * as z from "zod";
import { timestampSchema } from "./timestamp";

/**
 * What the Trigger Email extension writes back as it works on a message. Kept loose: the
 * extension owns it, and a state it adds later must not make the message unreadable.
 */
export const mailDeliverySchema = z.object({
  state: z.string(),
  attempts: z.int().min(0).optional(),
  startTime: timestampSchema.nullable().optional(),
  endTime: timestampSchema.nullable().optional(),
  error: z.string().nullable().optional(),
});
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

/** Document shape consumed by the Trigger Email extension (mail/{id}). */
export const mailSchema = z.object({
  to: z.email(),
  message: z.object({
    subject: z.string().min(1).max(200),
    text: z.string(),
    html: z.string(),
  }),
  /** Set by the functions when they queue it; absent on messages queued before the outbox view. */
  createdAt: timestampSchema.optional(),
  /** Absent until the extension picks the message up (always, on the emulators). */
  delivery: mailDeliverySchema.optional(),
});
export type Mail = z.infer<typeof mailSchema>;

export type MailDeliveryState = "queued" | "sending" | "sent" | "failed";

/** The outbox's column: the extension's state in four words. */
export function mailDeliveryState(mail: Pick<Mail, "delivery">): MailDeliveryState {
  switch (mail.delivery?.state) {
    case undefined:
      return "queued";
    case "SUCCESS":
      return "sent";
    case "ERROR":
      return "failed";
    default:
      return "sending";
  }
}
