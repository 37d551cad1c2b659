import "server-only";
import { cache } from "react";
import { getServerFirestore } from "@/lib/firebase/server";
import { sharedCopy } from "./shared-copy";
import { getStoreConfig } from "./store-config";

export type Storefront = {
  name: string;
  currency: string;
  /** config/store.lowStockThreshold: at or below this many units, pages say "Only N left". */
  lowStockThreshold: number;
  /** config/store.maxUnitsPerProduct: the most of one product an order may hold. */
  maxUnitsPerProduct: number;
};

/** Only for a store whose config/store is missing or invalid (logged by getStoreConfig). */
export const DEFAULT_STOREFRONT: Storefront = {
  name: "Hearth",
  currency: "USD",
  lowStockThreshold: 5,
  maxUnitsPerProduct: 10,
};

const readStorefront = sharedCopy(async (): Promise<Storefront> => {
  const config = await getStoreConfig(getServerFirestore());
  if (!config) return DEFAULT_STOREFRONT;
  return {
    name: config.storeName,
    currency: config.currency,
    lowStockThreshold: config.lowStockThreshold,
    maxUnitsPerProduct: config.maxUnitsPerProduct,
  };
});

/**
 * The store's public face for this request; layout and pages share one read (React `cache`).
 * Read afresh for a full page load; client navigations and link prefetches (each link renders
 * the root layout) reuse a copy up to a minute old (shared-copy.ts).
 */
export const getStorefront = cache(readStorefront);
