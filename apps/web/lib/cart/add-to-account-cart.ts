import { cartItemSchema, toMillis } from "@hearth/domain";
import { doc, runTransaction } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { cartItemData, cartPath } from "./account-cart";
import { MAX_CART_QUANTITY, quantityCap } from "./cart-line";
import { readCartCatalog } from "./cart-products";

/** Quantities add, capped at 99, the product's current stock and the store's limit per product. */
export function mergedQuantity(accountQuantity: number, addedQuantity: number, cap: number): number {
  return Math.min(accountQuantity + addedQuantity, cap, MAX_CART_QUANTITY);
}

/**
 * Adds lines to users/{uid}/cart in one transaction, on top of what it holds. Products that are gone
 * or sold out are left out. Resolves to the number of lines that made it into the cart.
 */
export async function addToAccountCart(
  uid: string,
  lines: readonly { productId: string; quantity: number }[],
): Promise<number> {
  if (lines.length === 0) return 0;
  const db = getClientFirestore();
  const catalog = await readCartCatalog(
    db,
    lines.map((line) => line.productId),
  );
  return runTransaction(db, async (transaction) => {
    const refs = lines.map((line) => doc(db, cartPath(uid), line.productId));
    const current = await Promise.all(refs.map((ref) => transaction.get(ref)));
    let added = 0;
    lines.forEach((line, index) => {
      const product = catalog.products.get(line.productId);
      const ref = refs[index];
      if (!product || !ref) return;
      const existing = cartItemSchema.safeParse(current[index]?.data());
      const quantity = mergedQuantity(
        existing.success ? existing.data.quantity : 0,
        line.quantity,
        quantityCap(product.stock, catalog.maxUnitsPerProduct),
      );
      if (quantity < 1) return;
      const addedAt = existing.success ? toMillis(existing.data.addedAt) : null;
      transaction.set(ref, cartItemData(quantity, addedAt));
      added += 1;
    });
    return added;
  });
}
