// Valid documents for each collection; tests start from these and break one thing at a time.
import { Timestamp, serverTimestamp, type DocumentData } from "firebase/firestore";

export const past = Timestamp.fromDate(new Date("2025-01-01T00:00:00Z"));

export const address = (overrides: DocumentData = {}): DocumentData => ({
  name: "Alice Martin",
  line1: "1 Rue de Rivoli",
  line2: "Apt 4",
  city: "Paris",
  postalCode: "75001",
  country: "FR",
  ...overrides,
});

export const image = (overrides: DocumentData = {}): DocumentData => ({
  path: "products/p1/original/mug.jpg",
  width: 1200,
  height: 800,
  urls: { thumb: "https://example.com/thumb.webp", full: "https://example.com/full.webp" },
  alt: "A blue mug",
  ...overrides,
});

/** A product as an admin writes it on create: both timestamps are the server's. */
export const newProduct = (overrides: DocumentData = {}): DocumentData => ({
  name: "Blue mug",
  slug: "blue-mug",
  description: "Stoneware, 350 ml.",
  priceCents: 1800,
  currency: "EUR",
  categoryId: "kitchen",
  tags: ["mug", "blue"],
  status: "active",
  stock: 12,
  images: [image()],
  searchTokens: ["bl", "blu", "blue", "mu", "mug"],
  createdAt: serverTimestamp(),
  updatedAt: serverTimestamp(),
  ...overrides,
});

/** A product as it sits in the database. */
export const storedProduct = (overrides: DocumentData = {}): DocumentData =>
  newProduct({ createdAt: past, updatedAt: past, ...overrides });

export const category = (overrides: DocumentData = {}): DocumentData => ({
  name: "Kitchen",
  slug: "kitchen",
  position: 0,
  ...overrides,
});

export const storeConfig = (overrides: DocumentData = {}): DocumentData => ({
  storeName: "Hearth",
  currency: "EUR",
  shipping: { flatCents: 490, freeOverCents: 5000 },
  lowStockThreshold: 3,
  ...overrides,
});

export const newUser = (email: string, overrides: DocumentData = {}): DocumentData => ({
  displayName: "Alice",
  email,
  createdAt: serverTimestamp(),
  defaultAddress: null,
  ...overrides,
});

export const items = (count: number, quantity = 1): DocumentData[] =>
  Array.from({ length: count }, (_, index) => ({ productId: `p${index}`, quantity }));

/** Exactly what a shopper writes to place an order. */
export const newOrder = (uid: string, overrides: DocumentData = {}): DocumentData => ({
  uid,
  items: [
    { productId: "mug", quantity: 2 },
    { productId: "plate", quantity: 1 },
  ],
  shippingAddress: address(),
  status: "pending",
  createdAt: serverTimestamp(),
  ...overrides,
});

/** An order after functions have priced it. */
export const pricedOrder = (uid: string, status: string, overrides: DocumentData = {}): DocumentData => ({
  ...newOrder(uid),
  createdAt: past,
  status,
  lines: [
    { productId: "mug", name: "Blue mug", unitPriceCents: 1800, quantity: 2, lineTotalCents: 3600 },
    { productId: "plate", name: "Plate", unitPriceCents: 900, quantity: 1, lineTotalCents: 900 },
  ],
  subtotalCents: 4500,
  shippingCents: 490,
  totalCents: 4990,
  currency: "EUR",
  payment: { provider: "fake", sessionId: "cs_1" },
  updatedAt: past,
  ...overrides,
});

/** Drops keys set to undefined, so a test can leave out a required field. */
export const compact = (data: DocumentData): DocumentData =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
