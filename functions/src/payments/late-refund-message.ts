import { formatMoney, statusLabel, type OrderStatus } from "@hearth/domain";

export interface LateRefundMessageInput {
  orderId: string;
  status: OrderStatus;
  amountCents?: number;
  currency?: string;
  storeName?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** What the shopper reads when a payment arrived after the order had settled and was refunded. */
export function lateRefundMessage(input: LateRefundMessageInput) {
  const amount =
    input.amountCents !== undefined && input.currency
      ? ` of ${formatMoney(input.amountCents, input.currency)}`
      : "";
  const label = statusLabel(input.status);
  const body =
    `Your payment${amount} arrived after the order was ${label.toLowerCase()}, so we refunded it in full. ` +
    "Your bank may take a few days to show the refund.";
  const store = input.storeName ?? "Hearth";
  const subject = `${store}: order ${input.orderId} — payment refunded`;
  return {
    title: "Late payment refunded",
    body: body.slice(0, 1000),
    subject: subject.slice(0, 200),
    text: `${body}\n\nOrder: ${input.orderId}\nStatus: ${label}\n`,
    html:
      `<p>${escapeHtml(body)}</p>` +
      `<p>Order: <strong>${escapeHtml(input.orderId)}</strong><br>Status: ${escapeHtml(label)}</p>`,
  };
}
