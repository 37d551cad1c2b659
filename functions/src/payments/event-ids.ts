import { MAX_ID_LENGTH } from "@hearth/domain";
import * as z from "zod";
import { documentIdProblem } from "../orders/document-id";

/**
 * Ids a webhook event carries, checked before anything is read or written: an id Firestore refuses
 * in a document path would fail the transaction on every redelivery (a 5xx Stripe retries for days),
 * where a refusal now is a 400 with the reason.
 */

/** Stripe's alphabet for ids (evt_…), and the `-` of the local provider's event ids. */
const stripeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, "must be 1 to 255 letters, digits, '_' or '-'");

/**
 * Session, payment intent and charge ids: compared, stored and sent back to the provider, never a
 * path. The local provider's embed the order id (`cs_local_{orderId}`), so any order id fits.
 */
export const providerIdSchema = z
  .string()
  .regex(
    /^[^\p{Cc}\p{Cs}\s/]{1,255}$/u,
    "must be 1 to 255 characters, without spaces, '/', control characters or lone surrogates",
  );

function firestoreUsable(id: string, ctx: z.RefinementCtx): void {
  const problem = documentIdProblem(id);
  if (problem) ctx.addIssue({ code: "custom", message: `cannot name a Firestore document: it ${problem}` });
}

/** Names webhookEvents/{id} and, behind a prefix, timeline notes: a provider id Firestore accepts. */
export const eventIdSchema = stripeIdSchema.superRefine(firestoreUsable);

/**
 * Names orders/{id}, and starts notification ids (`{orderId}_declined_{eventId}`). As long as the
 * webhook record's `orderId` (the domain's idSchema), so those stay far below Firestore's 1500 bytes.
 */
export const orderIdSchema = z
  .string()
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .superRefine(firestoreUsable);

/** Why `value` (from `field`) cannot be an order id, or null when it can. */
export function orderIdProblem(field: string, value: string): string | null {
  const parsed = orderIdSchema.safeParse(value);
  return parsed.success ? null : `${field} ${parsed.error.issues[0]?.message ?? "is not an order id"}`;
}

/** users/{uid}/notifications/{id} for a declined card; parsePaymentEvent checks it is usable too. */
export const declinedNoticeId = (orderId: string, eventId: string) => `${orderId}_declined_${eventId}`;
