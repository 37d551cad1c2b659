import { signPayload } from "@hearth/stripe-events";
import type { Firestore } from "firebase-admin/firestore";
import { auth } from "../../../functions/src/admin-auth";
import { emailLookup } from "../../../functions/src/notifications/notify-status-change";
import type { PaymentProvider } from "../../../functions/src/payments/provider";
import { handleWebhook, type WebhookResponse } from "../../../functions/src/payments/webhook";
import { functionUrl } from "./emulators";
import { webhookSecret } from "./function-env";

/** How the Stripe-Signature header is made: as Stripe does, or forged in one way. */
export type Signing =
  | { kind: "valid"; timestamp?: number }
  | { kind: "wrong_secret" }
  /** Signed, then one byte of the body changed. */
  | { kind: "altered_body" }
  /** A valid v1 signature presented with another `t=`. */
  | { kind: "altered_timestamp" }
  | { kind: "stale"; ageSeconds: number };

export interface SignedBody {
  body: string;
  signature: string;
}

const now = () => Math.floor(Date.now() / 1000);

/** A different last character that keeps the JSON shape when the body ends in a digit or a brace. */
function alterOneByte(body: string): string {
  const index = body.search(/\d/);
  if (index < 0) return `${body} `;
  const digit = Number(body[index]);
  return `${body.slice(0, index)}${(digit + 1) % 10}${body.slice(index + 1)}`;
}

export function sign(payload: string, signing: Signing = { kind: "valid" }): SignedBody {
  const secret = webhookSecret();
  switch (signing.kind) {
    case "valid":
      return { body: payload, signature: signPayload(payload, secret, signing.timestamp) };
    case "wrong_secret":
      return { body: payload, signature: signPayload(payload, "whsec_not_the_endpoint_secret") };
    case "altered_body":
      return { body: alterOneByte(payload), signature: signPayload(payload, secret) };
    case "altered_timestamp": {
      const header = signPayload(payload, secret, now() - 60);
      return { body: payload, signature: header.replace(/t=\d+/, `t=${now() - 30}`) };
    }
    case "stale":
      return { body: payload, signature: signPayload(payload, secret, now() - signing.ageSeconds) };
  }
}

/** What paymentWebhook does with one delivery, called in-process against the Firestore emulator. */
export function callWebhook(
  db: Firestore,
  provider: PaymentProvider,
  payload: string,
  signing?: Signing,
): Promise<WebhookResponse> {
  const { body, signature } = sign(payload, signing);
  return handleWebhook(
    db,
    { method: "POST", rawBody: Buffer.from(body), signature, secret: webhookSecret() },
    { provider: () => provider, lookupEmail: emailLookup(db, auth) },
  );
}

/** The same delivery through the Functions emulator's paymentWebhook endpoint. */
export async function postSigned(payload: string, signing?: Signing): Promise<WebhookResponse> {
  const { body, signature } = sign(payload, signing);
  const response = await fetch(await functionUrl("paymentWebhook"), {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body,
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}
