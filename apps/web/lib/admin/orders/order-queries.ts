import type { FilterShape, QueryDescriptor } from "@/lib/queries/descriptor";

/**
 * The back office's order list: newest first, optionally one status and a placed-between range
 * (the store's days, as instants). Run in the browser as an admin (the rules let admins read
 * every order); the status filter's index is in firestore.indexes.json.
 */
export type AdminOrderShape = { status: boolean; from: boolean; to: boolean };

export function adminOrderQueryId(shape: AdminOrderShape): string {
  const parts = [shape.status ? "status" : null, shape.from ? "from" : null, shape.to ? "to" : null];
  const filters = parts.filter((part) => part !== null).join("+") || "all";
  return `orders/admin/${filters}/newest`;
}

export function adminOrderDescriptor(shape: AdminOrderShape): QueryDescriptor {
  const where: FilterShape[] = [];
  if (shape.status) where.push({ field: "status", op: "==" });
  if (shape.from) where.push({ field: "createdAt", op: ">=" });
  if (shape.to) where.push({ field: "createdAt", op: "<" });
  return {
    id: adminOrderQueryId(shape),
    collection: "orders",
    where,
    orderBy: [{ field: "createdAt", direction: "desc" }],
    purpose: "/admin/orders (lib/admin/orders/admin-orders.ts)",
  };
}

export const ADMIN_ORDER_QUERIES: readonly QueryDescriptor[] = [false, true].flatMap((status) =>
  [false, true].flatMap((from) => [false, true].map((to) => adminOrderDescriptor({ status, from, to }))),
);
