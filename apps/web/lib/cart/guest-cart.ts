import { MAX_CART_QUANTITY, sortLines, type CartLine } from "./cart-line";

// A guest's cart lives in localStorage rather than under an anonymous Firebase account: browsing
// writes nothing and creates no throwaway accounts, it needs neither Auth nor Firestore on the
// product page, and signing in to an existing account (which cannot be linked to an anonymous one)
// merges it the same way as signing up.
const STORAGE_KEY = "hearth:guest-cart";
const CHANGE_EVENT = "hearth:guest-cart-change";

// Every page's header counts the guest cart, so this module is checked by hand rather than with
// zod and @hearth/domain's schemas, which would add ~37 kB compressed to every first view.

/** @hearth/domain's MAX_ID_LENGTH; test/guest-cart.test.ts checks the two checks agree. */
const MAX_ID_LENGTH = 128;

/** The same test as @hearth/domain's idSchema: a Firestore document id another document names. */
export function isDocumentId(value: unknown): value is string {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    !value.includes("/") &&
    value !== "." &&
    value !== ".." &&
    !/^__[\s\S]*__$/.test(value)
  );
}

function toLine(value: unknown): CartLine | null {
  if (typeof value !== "object" || value === null) return null;
  const { productId, quantity, addedAt } = value as Record<string, unknown>;
  if (!isDocumentId(productId)) return null;
  if (typeof quantity !== "number" || !Number.isInteger(quantity)) return null;
  if (quantity < 1 || quantity > MAX_CART_QUANTITY) return null;
  if (typeof addedAt !== "number" || !Number.isFinite(addedAt)) return null;
  return { productId, quantity, addedAt };
}

/** The stored lines, or [] when any of them is not a valid line (as from another version). */
export function parseGuestCart(raw: unknown): CartLine[] {
  if (!Array.isArray(raw)) return [];
  const lines: CartLine[] = [];
  for (const item of raw) {
    const line = toLine(item);
    if (!line) return [];
    lines.push(line);
  }
  return sortLines(lines);
}

/** The guest's cart as stored in this browser; anything unreadable counts as empty. */
export function readGuestCart(): CartLine[] {
  try {
    return parseGuestCart(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "[]"));
  } catch {
    return [];
  }
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
