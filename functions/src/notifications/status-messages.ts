import { formatMoney, statusLabel, type OrderStatus } from "@hearth/domain";

export interface StatusMessageInput {
  orderId: string;
  status: OrderStatus;
  totalCents?: number;
  currency?: string;
  rejectionReason?: string;
  storeName?: string;
  /** What the admin gave when marking the order shipped. */
  shipment?: { carrier: string; trackingNumber: string };
}

export interface StatusMessage {
  title: string;
  body: string;
  subject: string;
  text: string;
  html: string;
}

function amount(input: StatusMessageInput): string {
  return input.totalCents !== undefined && input.currency
    ? formatMoney(input.totalCents, input.currency)
    : "";
}

function bodyFor(input: StatusMessageInput): string {
  const total = amount(input);
  switch (input.status) {
    case "pending":
      return "We received your order and are checking it.";
    case "awaiting_payment":
      return `Your items are reserved. Please complete payment${total ? ` of ${total}` : ""} within 30 minutes.`;
    case "payment_processing":
      return "Your payment is being processed by your bank. We'll let you know as soon as it clears; your items stay reserved.";
    case "paid":
      return `Thank you! We received your payment${total ? ` of ${total}` : ""} and are preparing your order.`;
    case "shipped":
      return input.shipment
        ? `Your order is on its way with ${input.shipment.carrier}. Tracking number: ${input.shipment.trackingNumber}.`
        : "Your order is on its way.";
    case "delivered":
      return "Your order was delivered. Enjoy!";
    case "rejected":
      return `We could not accept your order: ${input.rejectionReason ?? "it could not be processed"}.`;
    case "payment_failed":
      return "Your payment did not go through, so the order was not placed. You can order again at any time.";
    case "expired":
      return "Payment was not completed in time, so the reserved items were released.";
    case "cancelled":
      return "Your order was cancelled. If you were charged, the payment is being refunded.";
    case "refunded":
      return `Your payment${total ? ` of ${total}` : ""} was refunded.`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The words the shopper sees in the app and in the mail when an order changes status. */
export function statusMessage(input: StatusMessageInput): StatusMessage {
  const label = statusLabel(input.status);
  const title = `Order ${label.toLowerCase()}`;
  const body = bodyFor(input);
  const store = input.storeName ?? "Hearth";
  const subject = `${store}: order ${input.orderId} — ${label}`;
  const text = `${body}\n\nOrder: ${input.orderId}\nStatus: ${label}\n`;
  const html =
    `<p>${escapeHtml(body)}</p>` +
    `<p>Order: <strong>${escapeHtml(input.orderId)}</strong><br>Status: ${escapeHtml(label)}</p>`;
  return { title, body: body.slice(0, 1000), subject: subject.slice(0, 200), text, html };
}
