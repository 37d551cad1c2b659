import styles from "./account.module.css";

/** What /account shows until it knows who is signed in and has read their profile. */
export function AccountSkeleton({ label }: { label: string }) {
  return (
    <div role="status" className={styles.skeleton} data-testid="account-skeleton">
      <span className="visually-hidden">{label}</span>
      <div className={styles.skeletonBlock} aria-hidden="true" />
      <div className={styles.skeletonLine} aria-hidden="true" />
      <div className={styles.skeletonLine} aria-hidden="true" />
      <div className={`${styles.skeletonLine} ${styles.short}`} aria-hidden="true" />
    </div>
  );
}
