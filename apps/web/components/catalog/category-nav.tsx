import Link from "next/link";
import type { CategorySummary } from "@/lib/catalog/categories";
import styles from "./category-nav.module.css";

export function categoryPath(slug: string): string {
  return `/categories/${slug}`;
}

type CategoryNavProps = {
  categories: readonly CategorySummary[];
  /** The category being shown, or null on the all-products page. */
  currentSlug: string | null;
};

/** Links between the listings: all products and each category. */
export function CategoryNav({ categories, currentSlug }: CategoryNavProps) {
  const links: { slug: string | null; name: string; href: string }[] = [
    { slug: null, name: "All products", href: "/products" },
    ...categories.map((category) => ({
      slug: category.slug,
      name: category.name,
      href: categoryPath(category.slug),
    })),
  ];
  return (
    <nav aria-label="Categories" className={styles.nav}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className={styles.link}
              aria-current={link.slug === currentSlug ? "page" : undefined}
            >
              {link.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
