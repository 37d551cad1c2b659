import "server-only";
import { cache } from "react";
import { getServerFirestore } from "@/lib/firebase/server";
import { getStoreConfig } from "./store-config";

export type Storefront = {
  name: string;
};

export const DEFAULT_STOREFRONT: Storefront = { name: "Hearth" };

/** The store's public face for this request; layout and pages share one read. */
export const getStorefront = cache(async (): Promise<Storefront> => {
  const config = await getStoreConfig(getServerFirestore());
  return { name: config?.storeName ?? DEFAULT_STOREFRONT.name };
});
