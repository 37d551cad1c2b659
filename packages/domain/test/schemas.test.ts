import { describe, expect, it } from "vitest";
import {
  adminRecordSchema,
  categorySchema,
  isTimeZone,
  mailDeliveryState,
  mailSchema,
  productInputSchema,
  productSchema,
  refundEntryId,
  refundEntrySchema,
  reportSchema,
  shipmentSchema,
  storeConfigSchema,
  timestampSchema,
  toMillis,
  userSchema,
  webhookEventSchema,
} from "../src";

const now = new Date("2025-01-02T03:04:05Z");
const firestoreLike = { toMillis: () => 1_700_000_000_000, seconds: 1_700_000_000, nanoseconds: 0 };

const address = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};

describe("timestampSchema", () => {
  it("accepts Dates and Timestamp-like objects", () => {
    expect(timestampSchema.safeParse(now).success).toBe(true);
    expect(timestampSchema.safeParse(firestoreLike).success).toBe(true);
    expect(toMillis(firestoreLike)).toBe(1_700_000_000_000);
    expect(toMillis(now)).toBe(now.getTime());
  });

  it("rejects numbers, strings, invalid dates and look-alikes", () => {
    for (const value of [123, "2025-01-01", new Date("nope"), { toMillis: 5 }, null, undefined]) {
      expect(timestampSchema.safeParse(value).success).toBe(false);
    }
  });
});

describe("productSchema", () => {
  const product = {
    name: "Oak Bowl",
    slug: "oak-bowl",
    description: "Turned by hand.",
    priceCents: 2500,
    currency: "USD",
    categoryId: "kitchen",
    tags: ["wood", "bowl"],
    status: "active",
    stock: 3,
    images: [
      {
        path: "products/p1/a.jpg",
        width: 800,
        height: 600,
        urls: { thumb: "https://cdn.example/t.jpg" },
        alt: "",
      },
    ],
    searchTokens: ["oa", "oak"],
    createdAt: now,
    updatedAt: now,
  };

  it("accepts a valid product", () => {
    expect(productSchema.safeParse(product).success).toBe(true);
  });

  it.each([
    ["slug", "Oak Bowl"],
    ["slug", "oak--bowl"],
    ["priceCents", 0],
    ["priceCents", 19.99],
    ["priceCents", 100_000_001],
    ["currency", "usd"],
    ["status", "deleted"],
    ["stock", -1],
    ["name", "   "],
    ["tags", Array.from({ length: 21 }, (_, i) => `t${i}`)],
    ["searchTokens", ["Oak"]],
    ["images", [{ path: "x", width: 0, height: 1, urls: {}, alt: "" }]],
    ["images", [{ path: "x", width: 1, height: 1, urls: { huge: "https://x.example" }, alt: "" }]],
    ["images", [{ path: "x", width: 1, height: 1, urls: { thumb: "javascript:alert(1)" }, alt: "" }]],
  ])("rejects %s = %j", (key, value) => {
    expect(productSchema.safeParse({ ...product, [key]: value }).success).toBe(false);
  });

  it("productInputSchema covers only what an admin types", () => {
    const input = {
      name: " Oak Bowl ",
      slug: "oak-bowl",
      description: "",
      priceCents: 2500,
      categoryId: "kitchen",
      tags: [],
      status: "draft",
      stock: 0,
    };
    const parsed = productInputSchema.parse({ ...input, currency: "USD", searchTokens: ["x"] });
    expect(parsed).toEqual({ ...input, name: "Oak Bowl" });
    expect(Object.keys(productInputSchema.shape).sort()).toEqual([
      "categoryId",
      "description",
      "name",
      "priceCents",
      "slug",
      "status",
      "stock",
      "tags",
    ]);
  });
});

describe("other documents", () => {
  it("category", () => {
    expect(categorySchema.safeParse({ name: "Kitchen", slug: "kitchen", position: 0 }).success).toBe(true);
    expect(categorySchema.safeParse({ name: "x".repeat(61), slug: "kitchen", position: 0 }).success).toBe(
      false,
    );
    expect(categorySchema.safeParse({ name: "Kitchen", slug: "kitchen", position: -1 }).success).toBe(false);
  });

  it("store config", () => {
    const config = {
      storeName: "Hearth",
      currency: "USD",
      shipping: { flatCents: 500, freeOverCents: null },
      lowStockThreshold: 3,
    };
    expect(storeConfigSchema.safeParse(config).success).toBe(true);
    expect(storeConfigSchema.safeParse({ ...config, shipping: { flatCents: 500 } }).success).toBe(false);
    expect(
      storeConfigSchema.safeParse({ ...config, shipping: { flatCents: -1, freeOverCents: 0 } }).success,
    ).toBe(false);
  });

  it("user", () => {
    const user = { displayName: "Ada", email: "ada@example.com", createdAt: now, defaultAddress: null };
    expect(userSchema.safeParse(user).success).toBe(true);
    expect(userSchema.safeParse({ ...user, defaultAddress: address }).success).toBe(true);
    expect(userSchema.safeParse({ ...user, email: "not-an-email" }).success).toBe(false);
  });

  it("mail", () => {
    const mail = { to: "ada@example.com", message: { subject: "Order paid", text: "t", html: "<p>t</p>" } };
    expect(mailSchema.safeParse(mail).success).toBe(true);
    expect(mailSchema.safeParse({ ...mail, message: { subject: "s" } }).success).toBe(false);
  });

  it("webhook event", () => {
    const event = { type: "checkout.session.completed", orderId: "o1", receivedAt: now, outcome: "applied" };
    expect(webhookEventSchema.safeParse(event).success).toBe(true);
    expect(webhookEventSchema.safeParse({ ...event, outcome: "maybe" }).success).toBe(false);
  });

  it("report", () => {
    const report = {
      date: "2025-02-28",
      timeZone: "Europe/Paris",
      currency: "USD",
      startsAt: "2025-02-27T23:00:00.000Z",
      endsAt: "2025-02-28T23:00:00.000Z",
      orderCount: 2,
      unitsSold: 3,
      grossRevenueCents: 5000,
      refundCount: 1,
      refundedCents: 6000,
      netRevenueCents: -1000,
      averageOrderValueCents: 2500,
      topProducts: [{ productId: "p1", name: "Oak Bowl", quantity: 2, revenueCents: 5000 }],
      lowStockThreshold: 3,
      lowStockCount: 1,
      lowStockProducts: [{ productId: "p2", name: "Jug", stock: 0 }],
      otherCurrencyOrderCount: 0,
      generatedAt: now,
    };
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(reportSchema.safeParse({ ...report, date: "2025-02-30" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report, date: "28/02/2025" }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report, refundedCents: -1 }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report, startsAt: "yesterday" }).success).toBe(false);
    const { generatedAt: _generatedAt, ...figures } = report;
    expect(reportSchema.safeParse(figures).success).toBe(false);
  });

  it("refund entry", () => {
    const entry = { orderId: "o1", amountCents: 500, refundedCents: 1500, currency: "USD", at: now };
    expect(refundEntrySchema.safeParse(entry).success).toBe(true);
    expect(refundEntrySchema.safeParse({ ...entry, amountCents: 0 }).success).toBe(false);
    expect(refundEntryId("o1", 1500)).toBe("o1_1500");
  });

  it("admin record", () => {
    const record = { email: "ada@example.com", grantedAt: now, grantedBy: null, source: "make-admin" };
    expect(adminRecordSchema.safeParse(record).success).toBe(true);
    expect(adminRecordSchema.safeParse({ ...record, source: "guess" }).success).toBe(false);
  });
});

describe("mail outbox", () => {
  const mail = { to: "ada@example.com", message: { subject: "Order paid", text: "t", html: "<p>t</p>" } };

  it("reads the extension's delivery state in four words", () => {
    expect(mailDeliveryState(mailSchema.parse(mail))).toBe("queued");
    const states = ["PENDING", "PROCESSING", "RETRY", "SUCCESS", "ERROR", "SOMETHING_NEW"];
    expect(
      states.map((state) =>
        mailDeliveryState(mailSchema.parse({ ...mail, createdAt: now, delivery: { state, attempts: 1 } })),
      ),
    ).toEqual(["sending", "sending", "sending", "sent", "failed", "sending"]);
  });
});

describe("store time zone", () => {
  it.each(["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "US/Eastern"])(
    "knows %s",
    (zone) => {
      expect(isTimeZone(zone)).toBe(true);
      expect(storeConfigSchema.shape.timeZone.safeParse(zone).success).toBe(true);
    },
  );

  it("tells a well-formed name this runtime does not know from a malformed one", () => {
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(storeConfigSchema.shape.timeZone.safeParse("Mars/Olympus_Mons").success).toBe(true);
    for (const bad of ["", "Europe/", "../etc", "Europe/Le Havre", "A/B/C/D"]) {
      expect(isTimeZone(bad)).toBe(false);
      expect(storeConfigSchema.shape.timeZone.safeParse(bad).success).toBe(false);
    }
  });
});

describe("shipment", () => {
  it("trims the carrier and tracking number and refuses empty or multi-line ones", () => {
    expect(shipmentSchema.parse({ carrier: " UPS ", trackingNumber: " 1Z 999 " })).toEqual({
      carrier: "UPS",
      trackingNumber: "1Z 999",
    });
    expect(shipmentSchema.safeParse({ carrier: " ", trackingNumber: "1" }).success).toBe(false);
    expect(shipmentSchema.safeParse({ carrier: "UPS", trackingNumber: "1\n2" }).success).toBe(false);
    expect(shipmentSchema.safeParse({ carrier: "UPS", trackingNumber: "x".repeat(65) }).success).toBe(false);
  });
});
