import type { FilterShape, QueryDescriptor } from "@/lib/queries/descriptor";

/**
 * The back office's product list: every status, newest first, optionally narrowed by status,
 * category and one search token. Run in the browser as an admin (the rules let admins read drafts
 * and archived products); each combination has its index (test/query-registry.test.ts).
 */
export type AdminProductShape = { status: boolean; category: boolean; search: boolean };

export function adminProductQueryId(shape: AdminProductShape): string {
  const parts = [
    shape.status ? "status" : null,
    shape.category ? "category" : null,
    shape.search ? "search" : null,
  ];
  const filters = parts.filter((part) => part !== null).join("+") || "all";
  return `products/admin/${filters}/newest`;
}

export function adminProductDescriptor(shape: AdminProductShape): QueryDescriptor {
  const where: FilterShape[] = [];
  if (shape.status) where.push({ field: "status", op: "==" });
  if (shape.category) where.push({ field: "categoryId", op: "==" });
  if (shape.search) where.push({ field: "searchTokens", op: "array-contains" });
  return {
    id: adminProductQueryId(shape),
    collection: "products",
    where,
    orderBy: [{ field: "createdAt", direction: "desc" }],
    purpose: "/admin/products (lib/admin/products/watch-products.ts)",
  };
}

export const ADMIN_PRODUCT_QUERIES: readonly QueryDescriptor[] = [false, true].flatMap((status) =>
  [false, true].flatMap((category) =>
    [false, true].map((search) => adminProductDescriptor({ status, category, search })),
  ),
);
