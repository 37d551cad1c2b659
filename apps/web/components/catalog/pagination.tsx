import Link from "next/link";
import styles from "./pagination.module.css";

/** Previous/next by cursor; each href is a shareable URL, so the back button retraces pages. */
export function Pagination({ prevHref, nextHref }: { prevHref: string | null; nextHref: string | null }) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {prevHref ? (
        <Link href={prevHref} rel="prev" className={styles.link}>
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} rel="next" className={styles.link}>
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
