import styles from "./cart-view.module.css";

/** The loading state of the cart, checkout and order routes while their code arrives. */
export function RouteLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div className={styles.skeleton} aria-hidden="true" />
    </div>
  );
}
