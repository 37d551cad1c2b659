import Link from "next/link";
import styles from "./site-header.module.css";

type NavItem = {
  label: string;
  /** null until the route exists, so the header never links to a 404. */
  href: string | null;
};

const NAV_ITEMS: readonly NavItem[] = [
  { label: "Shop", href: null },
  { label: "Cart", href: null },
  { label: "Sign in", href: null },
];

export function SiteHeader({ storeName }: { storeName: string }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand} data-testid="store-name">
          {storeName}
        </Link>
        <nav aria-label="Main">
          <ul className={styles.nav}>
            {NAV_ITEMS.map((item) => (
              <li key={item.label}>
                {item.href ? (
                  <Link href={item.href} className={styles.navLink}>
                    {item.label}
                  </Link>
                ) : (
                  <span className={styles.navPending} aria-disabled="true" title="Coming soon">
                    {item.label}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
