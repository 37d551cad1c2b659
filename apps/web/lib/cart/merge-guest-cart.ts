import { addToAccountCart } from "./add-to-account-cart";
import { clearGuestCart, readGuestCart, setGuestQuantity } from "./guest-cart";

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
    return await addToAccountCart(uid, guest);
  } catch (error) {
    for (const line of guest) setGuestQuantity(line.productId, line.quantity);
    throw error;
  }
}
