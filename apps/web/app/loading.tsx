import styles from "./loading.module.css";

const PLACEHOLDER_CARDS = 8;

export default function Loading() {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">Loading products…</span>
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
