"use client";

import { formatMoney } from "@hearth/domain";
import Link from "next/link";
import { useState } from "react";
import { LiveTable } from "@/components/admin/live-table";
import { useLive } from "@/lib/admin/use-live";
import { useStoreConfig } from "@/lib/admin/use-store-config";
import type {
  AdminCategory,
  AdminProductFilters,
  AdminProductRow,
} from "@/lib/admin/products/admin-products";
import type { CreatedAtCursor, Page } from "@/lib/admin/watch-page";
import { ProductFilters } from "./product-filters";
import { ProductRowActions } from "./product-row-actions";
import styles from "./products.module.css";
import { Thumbnail } from "./thumbnail";

const PAGE_SIZE = 20;
const COLUMNS = [
  { label: "Image", hidden: true },
  { label: "Name" },
  { label: "Status" },
  { label: "Category" },
  { label: "Price", numeric: true },
  { label: "Stock", numeric: true },
  { label: "Actions", hidden: true },
];

const products = () => import("@/lib/admin/products/admin-products");

function ProductRow({
  row,
  category,
  threshold,
}: {
  row: AdminProductRow;
  category: string;
  threshold: number;
}) {
  return (
    <tr data-testid="admin-product-row">
      <td>
        {row.thumbUrl ? (
          <Thumbnail className={styles.thumb} src={row.thumbUrl} alt="" size={48} />
        ) : (
          <span className={styles.thumb} aria-hidden="true" />
        )}
      </td>
      <th scope="row">
        <Link href={`/admin/products/${encodeURIComponent(row.id)}`}>{row.name}</Link>
      </th>
      <td>
        <span className={styles.badge} data-status={row.status}>
          {row.status}
        </span>
      </td>
      <td>{category}</td>
      <td className={styles.number}>{formatMoney(row.priceCents, row.currency)}</td>
      <td className={styles.number}>
        {row.stock}
        {row.stock <= threshold ? (
          <span className={styles.lowStock}>{row.stock === 0 ? "Sold out" : "Low stock"}</span>
        ) : null}
      </td>
      <td>
        <ProductRowActions row={row} />
      </td>
    </tr>
  );
}

/** The catalogue as the admin sees it: every status, live, newest first. */
export function ProductList({ filters }: { filters: AdminProductFilters }) {
  const store = useStoreConfig();
  const [trail, setTrail] = useState<CreatedAtCursor[]>([]);
  const after = trail.at(-1) ?? null;
  const categories = useLive<AdminCategory[]>("categories", async (onValue, onError) =>
    (await products()).watchAdminCategories(onValue, onError),
  );
  const page = useLive<Page<AdminProductRow>>(
    JSON.stringify([filters, after?.id ?? null]),
    async (onValue, onError) =>
      (await products()).watchAdminProducts(filters, after, PAGE_SIZE, onValue, onError),
  );
  const threshold = store.status === "ready" ? (store.config?.lowStockThreshold ?? 0) : 0;
  const known = categories.status === "ready" ? categories.value : [];
  const categoryName = (id: string) => known.find((category) => category.id === id)?.name ?? id;

  return (
    <>
      <ProductFilters filters={filters} categories={known} />
      <LiveTable
        caption="Products"
        columns={COLUMNS}
        page={page}
        row={(row) => (
          <ProductRow key={row.id} row={row} category={categoryName(row.categoryId)} threshold={threshold} />
        )}
        noun="products"
        emptyText="No products match these filters."
        trail={trail}
        onTrail={setTrail}
      />
    </>
  );
}
