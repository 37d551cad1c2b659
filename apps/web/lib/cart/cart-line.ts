/** One product in a cart: the same for a guest (localStorage) and an account (users/{uid}/cart). */
export interface CartLine {
  productId: string;
  quantity: number;
  /** When the product was first added, in epoch milliseconds; the cart lists lines in this order. */
  addedAt: number;
}

/** The most of one product a line may hold, whatever the stock (firestore.rules: 1..99). */
export const MAX_CART_QUANTITY = 99;
/** config/store's maxUnitsPerProduct when the store leaves it out (same default as the rules). */
export const DEFAULT_UNITS_PER_PRODUCT = 10;

/** How many units of a product a shopper may order: stock, the store's limit and the rules' 99. */
export function quantityCap(stock: number, maxUnitsPerProduct: number): number {
  return Math.max(0, Math.min(stock, maxUnitsPerProduct, MAX_CART_QUANTITY));
}

export function sortLines(lines: CartLine[]): CartLine[] {
  return lines.sort((a, b) => a.addedAt - b.addedAt || a.productId.localeCompare(b.productId));
}
