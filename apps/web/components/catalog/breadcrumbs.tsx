import Link from "next/link";
import styles from "./breadcrumbs.module.css";

export type Crumb = { label: string; href: string };

/** The trail to the current page; the last crumb is the page itself and is not a link. */
export function Breadcrumbs({ trail, current }: { trail: readonly Crumb[]; current: string }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
      <ol className={styles.list}>
        {trail.map((crumb) => (
          <li key={crumb.href} className={styles.item}>
            <Link href={crumb.href}>{crumb.label}</Link>
          </li>
        ))}
        <li className={styles.item} aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  );
}
