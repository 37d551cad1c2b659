import type { Category, ProductStatus, StoreConfig } from "@hearth/domain";

export const storeConfig: StoreConfig = {
  storeName: "Hearth & Home",
  currency: "USD",
  shipping: { flatCents: 599, freeOverCents: 7500 },
  lowStockThreshold: 5,
  maxOpenOrdersPerAccount: 3,
  maxUnitsPerProduct: 10,
  // The store's day for the daily sales report (the demo shop ships from Portland).
  timeZone: "America/Los_Angeles",
};

export interface SeedCategory extends Category {
  id: string;
  /** Two gradient stops for the generated product images. */
  colors: readonly [string, string];
  pattern: "dots" | "stripes" | "waves" | "rings";
}

export const categories: readonly SeedCategory[] = [
  {
    id: "kitchen",
    name: "Kitchen",
    slug: "kitchen",
    position: 0,
    colors: ["#e76f51", "#f4a261"],
    pattern: "dots",
  },
  {
    id: "living",
    name: "Living",
    slug: "living",
    position: 1,
    colors: ["#264653", "#2a9d8f"],
    pattern: "stripes",
  },
  {
    id: "garden",
    name: "Garden",
    slug: "garden",
    position: 2,
    colors: ["#386641", "#a7c957"],
    pattern: "waves",
  },
  {
    id: "lighting",
    name: "Lighting",
    slug: "lighting",
    position: 3,
    colors: ["#6d4c9f", "#e9c46a"],
    pattern: "rings",
  },
];

export interface SeedProduct {
  name: string;
  categoryId: SeedCategory["id"];
  priceCents: number;
  stock: number;
  tags: string[];
  description: string;
  status?: ProductStatus;
}

export function categoryOf(product: SeedProduct): SeedCategory {
  const category = categories.find((candidate) => candidate.id === product.categoryId);
  if (!category) throw new Error(`Product "${product.name}" has unknown category "${product.categoryId}"`);
  return category;
}
