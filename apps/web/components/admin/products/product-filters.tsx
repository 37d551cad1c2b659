"use client";

import { productStatuses } from "@hearth/domain";
import type { AdminCategory, AdminProductFilters } from "@/lib/admin/products/admin-products";
import styles from "./products.module.css";

/**
 * Search, status and category; a GET form, so the filters live in the URL and the back button
 * retraces them.
 */
export function ProductFilters({
  filters,
  categories,
}: {
  filters: AdminProductFilters;
  categories: readonly AdminCategory[];
}) {
  return (
    <form
      method="get"
      action="/admin/products"
      className={styles.filters}
      role="search"
      aria-label="Filter products"
    >
      <div className="field">
        <label className="field-label" htmlFor="admin-product-search">
          Search
        </label>
        <input
          id="admin-product-search"
          className="input"
          name="q"
          type="search"
          defaultValue={filters.search}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="admin-product-status">
          Status
        </label>
        <select id="admin-product-status" className="input" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {productStatuses.map((status) => (
            <option key={status} value={status}>
              {status[0]?.toUpperCase()}
              {status.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="admin-product-category">
          Category
        </label>
        <select
          id="admin-product-category"
          className="input"
          name="category"
          defaultValue={filters.categoryId ?? ""}
        >
          <option value="">Any category</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-secondary">
        Apply
      </button>
    </form>
  );
}
