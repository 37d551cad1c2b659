"use client";

import { useEffect, useState } from "react";
import type { CartLine } from "./cart-line";
import type { CartCatalog } from "./cart-products";

export type CatalogState =
  { status: "loading" } | { status: "error" } | { status: "ready"; key: string; catalog: CartCatalog };

/** Reads the cart's products and the store settings again whenever the set of products changes. */
export function useCartCatalog(lines: readonly CartLine[] | null): CatalogState {
  const key = lines ? lines.map((line) => line.productId).join("/") : null;
  const [state, setState] = useState<CatalogState>({ status: "loading" });

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    void Promise.all([import("./cart-products"), import("@/lib/firebase/client-firestore")])
      .then(([{ readCartCatalog }, { getClientFirestore }]) =>
        readCartCatalog(getClientFirestore(), key === "" ? [] : key.split("/")),
      )
      .then(
        (catalog) => {
          if (!cancelled) setState({ status: "ready", key, catalog });
        },
        (error: unknown) => {
          console.error("Could not read the cart's products", error);
          if (!cancelled) setState({ status: "error" });
        },
      );
    return () => {
      cancelled = true;
    };
  }, [key]);

  // A line removed needs no new read; a product added shows as loading rather than half-priced.
  if (state.status !== "ready" || state.key === key || key === null) return state;
  const known = key === "" || key.split("/").every((id) => state.catalog.products.has(id));
  return known ? state : { status: "loading" };
}
