import { addCents, multiplyCents, shippingFor } from "@hearth/domain";
import { quantityCap, type CartLine } from "./cart-line";
import type { CartCatalog, CartProduct } from "./cart-products";

export type LineProblem =
  | { kind: "unavailable" }
  | { kind: "sold_out" }
  /** More in the cart than may be ordered now: `cap` is what is left (stock or the store's limit). */
  | { kind: "too_many"; cap: number; byStock: boolean };

export interface SummaryLine {
  line: CartLine;
  product: CartProduct | null;
  cap: number;
  lineTotalCents: number | null;
  problem: LineProblem | null;
}

export interface CartSummary {
  lines: SummaryLine[];
  itemCount: number;
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  /** Every line can be ordered as it is. */
  orderable: boolean;
}

function problemOf(product: CartProduct | null, quantity: number, cap: number, maxUnits: number) {
  if (!product) return { kind: "unavailable" } as const;
  if (product.stock < 1) return { kind: "sold_out" } as const;
  if (quantity > cap) return { kind: "too_many", cap, byStock: product.stock < maxUnits } as const;
  return null;
}

/** Current prices and stock applied to the cart, priced the way the server will price the order. */
export function summarizeCart(lines: readonly CartLine[], catalog: CartCatalog): CartSummary {
  const summary = lines.map((line): SummaryLine => {
    const product = catalog.products.get(line.productId) ?? null;
    const cap = product ? quantityCap(product.stock, catalog.maxUnitsPerProduct) : 0;
    return {
      line,
      product,
      cap,
      lineTotalCents: product ? multiplyCents(product.priceCents, line.quantity) : null,
      problem: problemOf(product, line.quantity, cap, catalog.maxUnitsPerProduct),
    };
  });
  const subtotalCents = addCents(...summary.map((entry) => entry.lineTotalCents ?? 0));
  const shippingCents = lines.length > 0 ? shippingFor(subtotalCents, catalog.shipping) : 0;
  return {
    lines: summary,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents,
    shippingCents,
    totalCents: addCents(subtotalCents, shippingCents),
    currency: catalog.currency,
    orderable: lines.length > 0 && summary.every((entry) => entry.problem === null),
  };
}

export function describeProblem(problem: LineProblem): string {
  switch (problem.kind) {
    case "unavailable":
      return "No longer available. Remove it to check out.";
    case "sold_out":
      return "Sold out. Remove it to check out.";
    case "too_many":
      return problem.byStock
        ? `Only ${problem.cap} left. Lower the quantity to check out.`
        : `You can order at most ${problem.cap} of this. Lower the quantity to check out.`;
  }
}
