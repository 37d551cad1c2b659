import Link from "next/link";
import { SORT_LABELS, type ListingParams } from "@/lib/catalog/listing-params";
import { productSorts } from "@/lib/catalog/queries";
import styles from "./listing-filters.module.css";

type ListingFiltersProps = {
  basePath: string;
  params: ListingParams;
  currency: string;
  /** Tags to offer: those of the products on this page, and the chosen one. */
  tags: readonly string[];
};

/** A plain GET form: the filters live in the URL and work without JavaScript. */
export function ListingFilters({ basePath, params, currency, tags }: ListingFiltersProps) {
  const tagOptions = [...new Set(params.tag ? [params.tag, ...tags] : tags)].sort();
  return (
    <form action={basePath} method="get" className={styles.form} role="search" aria-label="Filter products">
      <div className={`${styles.field} ${styles.search}`}>
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={params.q} maxLength={100} />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-tag">Tag</label>
        <select id="filter-tag" name="tag" defaultValue={params.tag}>
          <option value="">Any tag</option>
          {tagOptions.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-min">Min price ({currency})</label>
        <input id="filter-min" name="min" inputMode="decimal" defaultValue={params.min} size={8} />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-max">Max price ({currency})</label>
        <input id="filter-max" name="max" inputMode="decimal" defaultValue={params.max} size={8} />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort" defaultValue={params.sort}>
          {productSorts.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      <div className={`${styles.field} ${styles.check}`}>
        <input id="filter-stock" name="stock" type="checkbox" value="1" defaultChecked={params.inStock} />
        <label htmlFor="filter-stock">In stock only</label>
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button">
          Apply
        </button>
        <Link href={basePath} className={styles.clear}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
