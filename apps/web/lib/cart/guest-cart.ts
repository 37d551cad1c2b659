import { idSchema } from "@hearth/domain";
import { z } from "zod";
import { MAX_CART_QUANTITY, sortLines, type CartLine } from "./cart-line";

// A guest's cart lives in localStorage rather than under an anonymous Firebase account: browsing
// writes nothing and creates no throwaway accounts, it needs neither Auth nor Firestore on the
// product page, and signing in to an existing account (which cannot be linked to an anonymous one)
// merges it the same way as signing up.
const STORAGE_KEY = "hearth:guest-cart";
const CHANGE_EVENT = "hearth:guest-cart-change";

const guestCartSchema = z.array(
  z.object({
    productId: idSchema,
    quantity: z.int().min(1).max(MAX_CART_QUANTITY),
    addedAt: z.number().finite(),
  }),
);

/** The guest's cart as stored in this browser; anything unreadable counts as empty. */
export function readGuestCart(): CartLine[] {
  let raw: unknown;
  try {
    raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]");
  } catch {
    return [];
  }
  const parsed = guestCartSchema.safeParse(raw);
  return parsed.success ? sortLines(parsed.data) : [];
}

function writeGuestCart(lines: readonly CartLine[]): void {
  if (lines.length === 0) window.localStorage.removeItem(STORAGE_KEY);
  else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function setGuestQuantity(productId: string, quantity: number): void {
  const lines = readGuestCart();
  const existing = lines.find((line) => line.productId === productId);
  if (quantity < 1) writeGuestCart(lines.filter((line) => line.productId !== productId));
  else if (existing) writeGuestCart(lines.map((line) => (line === existing ? { ...line, quantity } : line)));
  else writeGuestCart([...lines, { productId, quantity, addedAt: Date.now() }]);
}

export function clearGuestCart(): void {
  writeGuestCart([]);
}

/** Calls back with the cart now and on every change, in this tab or another. */
export function watchGuestCart(onLines: (lines: CartLine[]) => void): () => void {
  const notify = () => onLines(readGuestCart());
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) notify();
  };
  window.addEventListener(CHANGE_EVENT, notify);
  window.addEventListener("storage", onStorage);
  notify();
  return () => {
    window.removeEventListener(CHANGE_EVENT, notify);
    window.removeEventListener("storage", onStorage);
  };
}
