import * as z from "zod";
import { idSchema } from "./common";
import { timestampSchema } from "./timestamp";

export const webhookOutcomes = ["applied", "ignored"] as const;

/** webhookEvents/{providerEventId}: makes webhook handling idempotent. */
export const webhookEventSchema = z.object({
  type: z.string().min(1),
  orderId: idSchema.nullable(),
  receivedAt: timestampSchema,
  outcome: z.enum(webhookOutcomes),
  reason: z.string().optional(),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
