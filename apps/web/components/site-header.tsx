import Link from "next/link";
import { AccountMenu } from "@/components/account/account-menu";
import { CartLink } from "@/components/cart/cart-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import styles from "./site-header.module.css";

/**
 * Rendered on the server; the bell and the account entry are client islands that load Firebase
 * after hydration, so the header adds little to any page's first-load JavaScript.
 */
export function SiteHeader({ storeName }: { storeName: string }) {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand} data-testid="store-name">
          {storeName}
        </Link>
        <nav aria-label="Main">
          <ul className={styles.nav}>
            <li>
              <Link href="/products" className={styles.navLink}>
                Shop
              </Link>
            </li>
            <li>
              <CartLink className={styles.navLink} />
            </li>
            <NotificationBell />
            <AccountMenu linkClassName={styles.navLink} />
          </ul>
        </nav>
      </div>
    </header>
  );
}
