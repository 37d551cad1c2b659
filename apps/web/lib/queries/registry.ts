import { BACK_OFFICE_QUERIES } from "../admin/back-office-queries";
import { ADMIN_ORDER_QUERIES } from "../admin/orders/order-queries";
import { ADMIN_PRODUCT_QUERIES } from "../admin/products/product-queries";
import { CATALOG_QUERIES } from "../catalog/queries";
import type { QueryDescriptor } from "./descriptor";
import { SHOPPER_QUERIES } from "./shopper-queries";

/**
 * Every Firestore query the storefront and the back office run. test/query-registry.test.ts checks each against
 * firestore.indexes.json, since the emulator does not enforce indexes and production does.
 */
export const APP_QUERIES: readonly QueryDescriptor[] = [
  ...CATALOG_QUERIES,
  ...SHOPPER_QUERIES,
  ...ADMIN_PRODUCT_QUERIES,
  ...ADMIN_ORDER_QUERIES,
  ...BACK_OFFICE_QUERIES,
];

const registered = new Map(APP_QUERIES.map((descriptor) => [descriptor.id, descriptor]));

/** The registered descriptor with this id; throws for a query that is not in the registry. */
export function registeredQuery(id: string): QueryDescriptor {
  const descriptor = registered.get(id);
  if (!descriptor) throw new Error(`Query ${id} is not in the query registry (lib/queries/registry.ts)`);
  return descriptor;
}
