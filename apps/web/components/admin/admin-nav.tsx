"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { useUser } from "@/lib/auth/use-user";
import styles from "./admin.module.css";

const SECTIONS = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/categories", label: "Categories" },
  { href: "/admin/settings", label: "Store settings" },
  { href: "/admin/admins", label: "Admins" },
  { href: "/admin/outbox", label: "Outbox" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/** The back office's sections. Signing out anywhere in it sends the page back to the server's gate. */
export function AdminNav() {
  const pathname = usePathname();
  const router = useRouter();
  const auth = useUser();

  useEffect(() => {
    if (auth.status === "signed-out") router.refresh();
  }, [auth.status, router]);

  return (
    <nav aria-label="Back office" className={styles.nav}>
      <ul className={styles.navList}>
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className={styles.navLink}
              aria-current={isCurrent(pathname, section.href) ? "page" : undefined}
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
