import { cartItemSchema, toMillis } from "@hearth/domain";
import { doc, runTransaction } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { cartItemData, cartPath } from "./account-cart";
import { MAX_CART_QUANTITY, quantityCap, type CartLine } from "./cart-line";
import { readCartCatalog } from "./cart-products";
import { clearGuestCart, readGuestCart, setGuestQuantity } from "./guest-cart";

/** Quantities add, capped at 99, the product's current stock and the store's limit per product. */
export function mergedQuantity(accountQuantity: number, guestQuantity: number, cap: number): number {
  return Math.min(accountQuantity + guestQuantity, cap, MAX_CART_QUANTITY);
}

/**
 * Moves this browser's guest cart into users/{uid}/cart. The guest cart is taken first, so a second
 * tab merging at the same moment finds it empty instead of adding it twice; it is put back if the
 * merge fails. Products that are gone or sold out are dropped.
 */
export async function mergeGuestCart(uid: string): Promise<number> {
  const guest = readGuestCart();
  if (guest.length === 0) return 0;
  clearGuestCart();
  try {
    const db = getClientFirestore();
    const catalog = await readCartCatalog(
      db,
      guest.map((line) => line.productId),
    );
    return await runTransaction(db, async (transaction) => {
      const refs = guest.map((line) => doc(db, cartPath(uid), line.productId));
      const current = await Promise.all(refs.map((ref) => transaction.get(ref)));
      let merged = 0;
      guest.forEach((line: CartLine, index) => {
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
        merged += 1;
      });
      return merged;
    });
  } catch (error) {
    for (const line of guest) setGuestQuantity(line.productId, line.quantity);
    throw error;
  }
}
