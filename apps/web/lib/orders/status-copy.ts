import type { Order } from "@hearth/domain";

export type StatusTone = "progress" | "action" | "good" | "bad";

export interface StatusCopy {
  headline: string;
  detail: string;
  tone: StatusTone;
  /** Where the shopper can pay (the provider's checkout page), when paying is the next step. */
  payUrl: string | null;
  /** The order ended without being paid: offer the way back to the cart. */
  offerCart: boolean;
}

/** What the order page tells the shopper about the order's state, in plain words. */
export function statusCopy(order: Order): StatusCopy {
  const payUrl = order.payment?.checkoutUrl ?? null;
  const base = { payUrl: null, offerCart: false };
  switch (order.status) {
    case "pending":
      return {
        ...base,
        tone: "progress",
        headline: "Checking prices and stock…",
        detail: "We are reserving your items. This takes a few seconds.",
      };
    case "awaiting_payment": {
      const failed = order.payment?.failedAttempts ?? 0;
      if (failed > 0) {
        const reason = order.payment?.lastError ?? "The card was declined.";
        const attempts = failed === 1 ? "1 attempt" : `${failed} attempts`;
        return {
          tone: "action",
          headline: "Your payment was declined",
          detail: `${reason} (${attempts} so far.) Your items are still reserved: try again, with another card if you like.`,
          payUrl,
          offerCart: false,
        };
      }
      return {
        tone: "action",
        headline: payUrl ? "Awaiting payment" : "Opening the payment page…",
        detail: payUrl
          ? "Your items are reserved. Complete the payment to confirm the order."
          : "Your items are reserved; the payment page is being prepared.",
        payUrl,
        offerCart: false,
      };
    }
    case "payment_processing":
      return {
        ...base,
        tone: "progress",
        headline: "Payment processing",
        detail: "Your bank is confirming the payment. This can take a few days; we will let you know.",
      };
    case "paid":
      return { ...base, tone: "good", headline: "Paid", detail: "Thank you! Your order is confirmed." };
    case "shipped":
      return { ...base, tone: "good", headline: "Shipped", detail: "Your order is on its way." };
    case "delivered":
      return { ...base, tone: "good", headline: "Delivered", detail: "Your order has been delivered." };
    case "rejected":
      return {
        tone: "bad",
        headline: "We could not accept this order",
        detail: order.rejectionReason ?? "Some items could not be reserved.",
        payUrl: null,
        offerCart: true,
      };
    case "payment_failed":
      return {
        tone: "bad",
        headline: "Payment failed",
        detail: `${order.failureReason ?? "The payment did not go through."} Nothing was charged and your items were released.`,
        payUrl: null,
        offerCart: true,
      };
    case "expired":
      return {
        tone: "bad",
        headline: "Expired",
        detail: "The order was not paid in time, so the reserved items were released.",
        payUrl: null,
        offerCart: true,
      };
    case "cancelled":
      return {
        ...base,
        tone: "bad",
        headline: "Cancelled",
        detail: "This order was cancelled.",
        offerCart: true,
      };
    case "refunded":
      return {
        ...base,
        tone: "bad",
        headline: "Refunded",
        detail: "The payment for this order was refunded.",
      };
  }
}

/** The rules let the shopper cancel only before payment (isShopperCancel). */
export const canShopperCancel = (order: Order) =>
  order.status === "pending" || order.status === "awaiting_payment";
