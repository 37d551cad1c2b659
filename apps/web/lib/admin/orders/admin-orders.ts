import { orderSchema, type Order, type OrderStatus } from "@hearth/domain";
import { Timestamp } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { buildQuery } from "@/lib/queries/build-query";
import { registeredQuery } from "@/lib/queries/registry";
import { watchPage, type CreatedAtCursor, type Page } from "../watch-page";
import { adminOrderQueryId } from "./order-queries";

/** From and to are instants: the first instant of the first day and of the day after the last. */
export type AdminOrderFilters = { status: OrderStatus | null; fromMs: number | null; toMs: number | null };

export type AdminOrderRow = { id: string; order: Order };

/** One page of orders, newest first, live: a payment or a shipment elsewhere shows at once. */
export function watchAdminOrders(
  filters: AdminOrderFilters,
  after: CreatedAtCursor | null,
  pageSize: number,
  onPage: (page: Page<AdminOrderRow>) => void,
  onError: (error: Error) => void,
): () => void {
  const shape = { status: filters.status !== null, from: filters.fromMs !== null, to: filters.toMs !== null };
  const values = [
    filters.status,
    filters.fromMs === null ? null : Timestamp.fromMillis(filters.fromMs),
    filters.toMs === null ? null : Timestamp.fromMillis(filters.toMs),
  ].filter((value) => value !== null);
  const query = buildQuery(getClientFirestore(), registeredQuery(adminOrderQueryId(shape)), {
    values,
    startAfter: after ? { values: [after.createdAt], id: after.id } : null,
    limit: pageSize + 1,
  });
  return watchPage(
    query,
    pageSize,
    (document) => {
      const parsed = orderSchema.safeParse(document.data({ serverTimestamps: "estimate" }));
      return parsed.success ? { id: document.id, order: parsed.data } : null;
    },
    onPage,
    onError,
  );
}
