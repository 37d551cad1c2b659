import { addCents, MAX_CHARGE_CENTS, formatMoney, multiplyCents } from "./money";
import type { OrderItem, OrderLine } from "./schemas/order";
import type { ProductStatus } from "./schemas/product";
import type { StoreConfig } from "./schemas/store-config";

/** The slice of a product that pricing needs; `id` is the document id. */
export interface PricingProduct {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  status: ProductStatus;
  stock: number;
}

export type ProductLookup =
  ReadonlyMap<string, PricingProduct> | Readonly<Record<string, PricingProduct | undefined>>;

export type PricingConfig = Pick<StoreConfig, "currency" | "shipping">;

/** The most one payment can carry: a larger order could never be paid, so it is refused when priced. */
export const MAX_ORDER_TOTAL_CENTS = MAX_CHARGE_CENTS;

export type PricingFailureCode =
  "missing" | "inactive" | "insufficient_stock" | "currency_mismatch" | "total_too_large";

export type PriceOrderResult =
  | {
      ok: true;
      lines: OrderLine[];
      subtotalCents: number;
      shippingCents: number;
      totalCents: number;
      currency: string;
    }
  /** `productId` is null when the failure is about the whole order (its total). */
  | { ok: false; code: PricingFailureCode; reason: string; productId: string | null };

function isMap(products: ProductLookup): products is ReadonlyMap<string, PricingProduct> {
  return products instanceof Map;
}

function lookup(products: ProductLookup, id: string): PricingProduct | undefined {
  if (isMap(products)) return products.get(id);
  // hasOwn keeps ids like "constructor" from resolving to Object.prototype members.
  return Object.hasOwn(products, id) ? products[id] : undefined;
}

export function shippingFor(subtotalCents: number, shipping: StoreConfig["shipping"]): number {
  const { flatCents, freeOverCents } = shipping;
  return freeOverCents !== null && subtotalCents >= freeOverCents ? 0 : flatCents;
}

/** Pure pricing of a shopper's items against current products and store settings. */
export function priceOrder(
  items: readonly OrderItem[],
  productsById: ProductLookup,
  storeConfig: PricingConfig,
): PriceOrderResult {
  const requested = new Map<string, number>();
  for (const item of items) {
    requested.set(item.productId, (requested.get(item.productId) ?? 0) + item.quantity);
  }

  const lines: OrderLine[] = [];
  for (const item of items) {
    const { productId } = item;
    const product = lookup(productsById, productId);
    if (!product) {
      return { ok: false, code: "missing", productId, reason: `Product ${productId} is no longer available` };
    }
    const label = `Product "${product.name}"`;
    if (product.status !== "active") {
      return { ok: false, code: "inactive", productId, reason: `${label} is not currently for sale` };
    }
    if (product.currency !== storeConfig.currency) {
      return {
        ok: false,
        code: "currency_mismatch",
        productId,
        reason: `${label} is priced in ${product.currency} but the store charges in ${storeConfig.currency}`,
      };
    }
    const wanted = requested.get(productId) ?? item.quantity;
    if (wanted > product.stock) {
      const reason =
        product.stock <= 0
          ? `${label} is out of stock`
          : `${label} has only ${product.stock} left (you asked for ${wanted})`;
      return { ok: false, code: "insufficient_stock", productId, reason };
    }
    lines.push({
      productId,
      name: product.name,
      unitPriceCents: product.priceCents,
      quantity: item.quantity,
      lineTotalCents: multiplyCents(product.priceCents, item.quantity),
    });
  }

  const subtotalCents = addCents(...lines.map((line) => line.lineTotalCents));
  const shippingCents = shippingFor(subtotalCents, storeConfig.shipping);
  const totalCents = addCents(subtotalCents, shippingCents);
  const { currency } = storeConfig;
  if (totalCents > MAX_ORDER_TOTAL_CENTS) {
    const total = formatMoney(totalCents, currency);
    const limit = formatMoney(MAX_ORDER_TOTAL_CENTS, currency);
    return {
      ok: false,
      code: "total_too_large",
      productId: null,
      reason: `The order total of ${total} is more than the ${limit} a single payment can be; please split it into smaller orders`,
    };
  }
  return { ok: true, lines, subtotalCents, shippingCents, totalCents, currency };
}
