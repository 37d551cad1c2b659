"use client";

import type { ReactNode } from "react";
import { Pager } from "@/components/admin/pager";
import styles from "@/components/admin/products/products.module.css";
import type { Live } from "@/lib/admin/use-live";
import type { CreatedAtCursor, Page } from "@/lib/admin/watch-page";

export type Column = { label: string; numeric?: boolean; hidden?: boolean };

/**
 * A back office list: one live page of rows in a table, what it says while loading, when empty or
 * when the read failed, and previous/next by cursor.
 */
export function LiveTable<Row>({
  caption,
  columns,
  page,
  row,
  noun,
  emptyText,
  trail,
  onTrail,
}: {
  caption: string;
  columns: readonly Column[];
  page: Live<Page<Row>>;
  row: (row: Row) => ReactNode;
  /** "orders", "products": the list's subject in its messages. */
  noun: string;
  emptyText: string;
  trail: readonly CreatedAtCursor[];
  onTrail: (trail: CreatedAtCursor[]) => void;
}) {
  return (
    <>
      {page.status === "error" ? (
        <p role="alert" className="alert">
          The {noun} could not be loaded. Check your connection and reload the page.
        </p>
      ) : null}
      <div className={styles.tableWrap} aria-busy={page.status === "loading"}>
        <table className={styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.label} scope="col" className={column.numeric ? styles.number : undefined}>
                  {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{page.status === "ready" ? page.value.rows.map(row) : null}</tbody>
        </table>
      </div>
      {page.status === "loading" ? (
        <p role="status" className={styles.muted}>
          Loading {noun}…
        </p>
      ) : null}
      {page.status === "ready" && page.value.rows.length === 0 ? (
        <p role="status" className={styles.muted}>
          {emptyText}
        </p>
      ) : null}
      <Pager
        label={`Pages of ${noun}`}
        trail={trail}
        next={page.status === "ready" ? page.value.next : null}
        onTrail={onTrail}
      />
    </>
  );
}
