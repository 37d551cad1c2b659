import "server-only";
import { z } from "zod";
import type { PaymentTestEnv } from "@/lib/env";

type Enabled = Extract<PaymentTestEnv, { enabled: true }>;

const stringValue = z.object({ stringValue: z.string() });
const integerValue = z.object({ integerValue: z.coerce.number().int() });

/** The Firestore emulator's REST representation of the order fields this page needs. */
const orderDocumentSchema = z.object({
  fields: z.object({
    status: stringValue,
    uid: stringValue,
    totalCents: integerValue.optional(),
    currency: stringValue.optional(),
    payment: z
      .object({ mapValue: z.object({ fields: z.object({ sessionId: stringValue.optional() }) }) })
      .optional(),
    items: z
      .object({
        arrayValue: z.object({
          values: z
            .array(z.object({ mapValue: z.object({ fields: z.object({ quantity: integerValue }) }) }))
            .optional(),
        }),
      })
      .optional(),
  }),
});

export interface PaymentOrder {
  id: string;
  uid: string;
  status: string;
  totalCents: number | null;
  currency: string | null;
  /** The checkout session the order's payment was opened with. */
  sessionId: string | null;
  /** Units across all lines. */
  itemCount: number;
}

/**
 * Reads the order with the emulator's owner credential: orders are private to their shopper,
 * and this page exists only on the emulators (paymentTestEnv refuses anywhere else).
 */
export async function readPaymentOrder(env: Enabled, orderId: string): Promise<PaymentOrder | null> {
  const path = `projects/${env.projectId}/databases/(default)/documents/orders/${encodeURIComponent(orderId)}`;
  const response = await fetch(`http://${env.firestoreHost}/v1/${path}`, {
    headers: { authorization: "Bearer owner" },
    cache: "no-store",
  });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`Reading order ${orderId} failed: ${response.status}`);
  const parsed = orderDocumentSchema.safeParse(await response.json());
  if (!parsed.success) return null;
  const { fields } = parsed.data;
  return {
    id: orderId,
    uid: fields.uid.stringValue,
    status: fields.status.stringValue,
    totalCents: fields.totalCents?.integerValue ?? null,
    currency: fields.currency?.stringValue ?? null,
    sessionId: fields.payment?.mapValue.fields.sessionId?.stringValue ?? null,
    itemCount: (fields.items?.arrayValue.values ?? []).reduce(
      (sum, line) => sum + line.mapValue.fields.quantity.integerValue,
      0,
    ),
  };
}
