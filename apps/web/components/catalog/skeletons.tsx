import styles from "./skeleton.module.css";

const PLACEHOLDER_CARDS = 8;

/** A listing while its products load: the title and a grid of card shapes. */
export function GridSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div className={styles.titleBar} aria-hidden="true" />
      <ul className={styles.grid} aria-hidden="true">
        {Array.from({ length: PLACEHOLDER_CARDS }, (_, index) => (
          <li key={index} className={styles.card}>
            <div className={styles.media} />
            <div className={styles.line} />
            <div className={`${styles.line} ${styles.short}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A product page while it loads: the picture and the details beside it. */
export function ProductSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">Loading product…</span>
      <div className={styles.product} aria-hidden="true">
        <div className={styles.media} />
        <div className={styles.details}>
          <div className={styles.titleBar} />
          <div className={`${styles.line} ${styles.short}`} />
          <div className={styles.line} />
          <div className={styles.line} />
        </div>
      </div>
    </div>
  );
}
