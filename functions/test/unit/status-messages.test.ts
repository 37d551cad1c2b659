import { orderStatuses } from "@hearth/domain";
import { describe, expect, it } from "vitest";
import { notificationId } from "../../src/notifications/notify-status-change";
import { statusMessage } from "../../src/notifications/status-messages";
import { eventForStatus } from "../../src/orders/order-docs";

describe("statusMessage", () => {
  it("has a title, body, subject, text and html for every status", () => {
    for (const status of orderStatuses) {
      const message = statusMessage({ orderId: "o1", status });
      expect(message.title.length).toBeGreaterThan(0);
      expect(message.body.length).toBeGreaterThan(0);
      expect(message.subject).toContain("o1");
      expect(message.text).toContain(message.body);
    }
  });

  it("names the amount in the store's currency", () => {
    const message = statusMessage({
      orderId: "o1",
      status: "paid",
      totalCents: 3_000,
      currency: "USD",
      storeName: "Hearth",
    });
    expect(message).toMatchObject({ title: "Order paid", subject: "Hearth: order o1 — Paid" });
    expect(message.body).toBe("Thank you! We received your payment of $30.00 and are preparing your order.");
  });

  it("names the carrier and tracking number of a shipped order, escaped in html", () => {
    const message = statusMessage({
      orderId: "o1",
      status: "shipped",
      shipment: { carrier: "La Poste <Colissimo>", trackingNumber: "6A123" },
    });
    expect(message.body).toBe("Your order is on its way with La Poste <Colissimo>. Tracking number: 6A123.");
    expect(message.html).toContain("La Poste &#60;Colissimo&#62;");
    expect(statusMessage({ orderId: "o1", status: "shipped" }).body).toBe("Your order is on its way.");
  });

  it("explains a rejection and escapes it in html", () => {
    const message = statusMessage({
      orderId: "o1",
      status: "rejected",
      rejectionReason: 'Product "<b>" is out of stock',
    });
    expect(message.body).toBe('We could not accept your order: Product "<b>" is out of stock.');
    expect(message.html).not.toContain("<b>");
    expect(message.html).toContain("&#60;b&#62;");
  });

  it("keys notifications by order and status, which the acyclic state machine reaches once", () => {
    expect(notificationId("o1", "paid")).toBe("o1_paid");
    expect(orderStatuses.map(eventForStatus)).toEqual([
      null,
      "priced",
      "payment_processing",
      "payment_succeeded",
      "shipped",
      "delivered",
      "rejected",
      "payment_failed",
      "expired",
      "cancelled",
      "refunded",
    ]);
  });
});
