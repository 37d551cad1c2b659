"use client";

import styles from "@/components/admin/products/products.module.css";

/**
 * Previous and next for a cursor-paged, live list: the cursors of the pages before this one are a
 * trail, "Previous" drops the last, "Next" adds the page's end.
 */
export function Pager<Cursor>({
  label,
  trail,
  next,
  onTrail,
}: {
  label: string;
  trail: readonly Cursor[];
  next: Cursor | null;
  onTrail: (trail: Cursor[]) => void;
}) {
  return (
    <nav className={styles.pager} aria-label={label}>
      {trail.length > 0 ? (
        <button type="button" className="button-secondary" onClick={() => onTrail(trail.slice(0, -1))}>
          Previous page
        </button>
      ) : null}
      {next !== null ? (
        <button type="button" className="button-secondary" onClick={() => onTrail([...trail, next])}>
          Next page
        </button>
      ) : null}
    </nav>
  );
}
