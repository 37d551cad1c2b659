"use server";

import { statusLabel, orderStatusSchema } from "@hearth/domain";
import { signPayload } from "@hearth/stripe-events";
import { z } from "zod";
import { paymentTestEnv } from "@/lib/env";
import { readPaymentOrder } from "./payment-order";
import { outcomes, paymentFactsOf, stripeEventFor } from "./stripe-events";
import { resolveWebhookUrl } from "./webhook-url";

export interface PayState {
  /** "open": the webhook ran and the order still awaits payment, e.g. after a declined card. */
  kind: "idle" | "done" | "open" | "error";
  message: string;
  /** The order's status label after the webhook ran. */
  statusLabel?: string;
}

const resultMessages: Record<string, string> = {
  paid: "Payment succeeded. Your order is paid.",
  expired: "The checkout expired. The reserved items were released.",
};
const DECLINED_MESSAGE = "Payment declined. The order still awaits payment: you can try another card.";

const outcomeSchema = z.enum(outcomes);

const describeStatus = (status: string) => {
  const parsed = orderStatusSchema.safeParse(status);
  return parsed.success ? statusLabel(parsed.data) : status;
};

/** Plays Stripe: builds the event for the chosen outcome, signs it and POSTs it to paymentWebhook. */
export async function simulatePayment(
  orderId: string,
  _previous: PayState,
  form: FormData,
): Promise<PayState> {
  const env = paymentTestEnv();
  if (!env.enabled) return { kind: "error", message: `Test payments are off: ${env.reason}.` };
  const outcome = outcomeSchema.safeParse(form.get("outcome"));
  if (!outcome.success) return { kind: "error", message: "Choose Pay, Decline or Let it expire." };

  const order = await readPaymentOrder(env, orderId);
  if (!order) return { kind: "error", message: "This order does not exist." };
  if (order.status !== "awaiting_payment") {
    return {
      kind: "error",
      message: `This order is ${describeStatus(order.status).toLowerCase()}, not awaiting payment.`,
    };
  }

  const facts = paymentFactsOf(order);
  if (!facts) return { kind: "error", message: "This order has no total yet." };

  const payload = JSON.stringify(stripeEventFor(outcome.data, facts));
  const webhookUrl = await resolveWebhookUrl(env);
  let response: Response;
  try {
    response = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": signPayload(payload, env.webhookSecret),
      },
      body: payload,
      cache: "no-store",
    });
  } catch (error) {
    console.error("Payment webhook unreachable", error);
    return {
      kind: "error",
      message: `The payment webhook at ${webhookUrl} is unreachable. Are the emulators running?`,
    };
  }
  if (!response.ok) {
    return {
      kind: "error",
      message: `The payment webhook answered ${response.status}. Nothing was charged.`,
    };
  }

  // The webhook answers only after its transaction committed, so the new status is readable now.
  const status = (await readPaymentOrder(env, orderId))?.status ?? order.status;
  const label = describeStatus(status);
  if (status === "awaiting_payment") {
    const message = outcome.data === "decline" ? DECLINED_MESSAGE : "The order still awaits payment.";
    return { kind: "open", message, statusLabel: label };
  }
  return {
    kind: "done",
    message: resultMessages[status] ?? `The order is now ${label.toLowerCase()}.`,
    statusLabel: label,
  };
}
