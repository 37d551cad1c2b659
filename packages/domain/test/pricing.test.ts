import { describe, expect, it } from "vitest";
import { MAX_ORDER_TOTAL_CENTS, priceOrder, type PricingConfig, type PricingProduct } from "../src";

const bowl: PricingProduct = {
  id: "bowl",
  name: "Oak Bowl",
  priceCents: 2500,
  currency: "USD",
  status: "active",
  stock: 2,
};
const mug: PricingProduct = {
  id: "mug",
  name: "Stoneware Mug",
  priceCents: 1299,
  currency: "USD",
  status: "active",
  stock: 50,
};
const products = { bowl, mug };

const config: PricingConfig = { currency: "USD", shipping: { flatCents: 500, freeOverCents: 10000 } };

describe("priceOrder", () => {
  it("prices lines, subtotal, shipping and total", () => {
    const result = priceOrder(
      [
        { productId: "bowl", quantity: 2 },
        { productId: "mug", quantity: 3 },
      ],
      products,
      config,
    );
    expect(result).toEqual({
      ok: true,
      lines: [
        { productId: "bowl", name: "Oak Bowl", unitPriceCents: 2500, quantity: 2, lineTotalCents: 5000 },
        { productId: "mug", name: "Stoneware Mug", unitPriceCents: 1299, quantity: 3, lineTotalCents: 3897 },
      ],
      subtotalCents: 8897,
      shippingCents: 500,
      totalCents: 9397,
      currency: "USD",
    });
  });

  it("accepts a Map of products", () => {
    const result = priceOrder([{ productId: "mug", quantity: 1 }], new Map([["mug", mug]]), config);
    expect(result.ok && result.totalCents).toBe(1799);
  });

  it("ships free at exactly the threshold and above", () => {
    const exactly = priceOrder([{ productId: "bowl", quantity: 1 }], products, {
      currency: "USD",
      shipping: { flatCents: 500, freeOverCents: 2500 },
    });
    expect(exactly).toMatchObject({ ok: true, subtotalCents: 2500, shippingCents: 0, totalCents: 2500 });

    const below = priceOrder([{ productId: "bowl", quantity: 1 }], products, {
      currency: "USD",
      shipping: { flatCents: 500, freeOverCents: 2501 },
    });
    expect(below).toMatchObject({ ok: true, shippingCents: 500, totalCents: 3000 });
  });

  it("always charges flat shipping when freeOverCents is null", () => {
    const result = priceOrder([{ productId: "mug", quantity: 50 }], products, {
      currency: "USD",
      shipping: { flatCents: 700, freeOverCents: null },
    });
    expect(result).toMatchObject({ ok: true, shippingCents: 700 });
  });

  it("fails with missing for unknown products, including Object member names", () => {
    for (const productId of ["ghost", "constructor", "__proto__"]) {
      const result = priceOrder([{ productId, quantity: 1 }], products, config);
      expect(result).toMatchObject({ ok: false, code: "missing", productId });
    }
  });

  it("fails with inactive for draft or archived products", () => {
    for (const status of ["draft", "archived"] as const) {
      const result = priceOrder([{ productId: "bowl", quantity: 1 }], { bowl: { ...bowl, status } }, config);
      expect(result).toEqual({
        ok: false,
        code: "inactive",
        productId: "bowl",
        reason: 'Product "Oak Bowl" is not currently for sale',
      });
    }
  });

  it("fails with insufficient_stock and says how many are left", () => {
    const result = priceOrder([{ productId: "bowl", quantity: 3 }], products, config);
    expect(result).toEqual({
      ok: false,
      code: "insufficient_stock",
      productId: "bowl",
      reason: 'Product "Oak Bowl" has only 2 left (you asked for 3)',
    });
  });

  it("says out of stock when none are left", () => {
    const result = priceOrder([{ productId: "bowl", quantity: 1 }], { bowl: { ...bowl, stock: 0 } }, config);
    expect(result).toMatchObject({
      ok: false,
      code: "insufficient_stock",
      reason: 'Product "Oak Bowl" is out of stock',
    });
  });

  it("counts repeated lines of one product together against stock", () => {
    const result = priceOrder(
      [
        { productId: "bowl", quantity: 2 },
        { productId: "bowl", quantity: 1 },
      ],
      products,
      config,
    );
    expect(result).toMatchObject({ ok: false, code: "insufficient_stock" });
  });

  it("fails with currency_mismatch when a product is priced in another currency", () => {
    const result = priceOrder(
      [{ productId: "bowl", quantity: 1 }],
      { bowl: { ...bowl, currency: "EUR" } },
      config,
    );
    expect(result).toMatchObject({ ok: false, code: "currency_mismatch", productId: "bowl" });
    if (!result.ok) expect(result.reason).toContain("EUR");
  });

  it("refuses a total above the most one payment can carry, shipping included", () => {
    const safe: PricingProduct = { ...mug, id: "safe", priceCents: 2_000_000, stock: 1_000 };
    const atLimit = priceOrder(
      [{ productId: "safe", quantity: 99 }],
      { safe: { ...safe, priceCents: 1_010_101 } },
      {
        currency: "USD",
        shipping: { flatCents: 0, freeOverCents: null },
      },
    );
    expect(atLimit).toMatchObject({ ok: true, totalCents: 99_999_999 });
    expect(MAX_ORDER_TOTAL_CENTS).toBe(99_999_999);

    const justOver = priceOrder(
      [{ productId: "safe", quantity: 99 }],
      { safe: { ...safe, priceCents: 1_010_101 } },
      {
        currency: "USD",
        shipping: { flatCents: 1, freeOverCents: null },
      },
    );
    expect(justOver).toEqual({
      ok: false,
      code: "total_too_large",
      productId: null,
      reason:
        "The order total of $1,000,000.00 is more than the $999,999.99 a single payment can be; please split it into smaller orders",
    });

    const far = priceOrder([{ productId: "safe", quantity: 99 }], { safe }, config);
    expect(far).toMatchObject({ ok: false, code: "total_too_large" });
  });
});
