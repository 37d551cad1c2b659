import { formatMoney, type ReportFigures } from "@hearth/domain";
import styles from "./dashboard.module.css";

/** The headline figures of a report (a whole day, or today so far). */
export function Figures({ report, label }: { report: ReportFigures; label: string }) {
  const money = (cents: number) => formatMoney(cents, report.currency);
  const figures: [string, string][] = [
    ["Orders", String(report.orderCount)],
    ["Units sold", String(report.unitsSold)],
    ["Gross revenue", money(report.grossRevenueCents)],
    ["Refunds", money(report.refundedCents)],
    ["Net revenue", money(report.netRevenueCents)],
    ["Average order", money(report.averageOrderValueCents)],
  ];
  return (
    <dl className={styles.grid} aria-label={label} data-testid="report-figures">
      {figures.map(([term, value]) => (
        <div key={term} className={styles.figure}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TopAndLowStock({ report }: { report: ReportFigures }) {
  return (
    <div className={styles.columns}>
      <section className={styles.card} aria-labelledby="top-products">
        <h2 id="top-products">Top products</h2>
        {report.topProducts.length === 0 ? (
          <p className={styles.muted}>No sales yet.</p>
        ) : (
          <ol className={styles.list}>
            {report.topProducts.map((product) => (
              <li key={product.productId}>
                {product.name}: {product.quantity} sold, {formatMoney(product.revenueCents, report.currency)}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className={styles.card} aria-labelledby="low-stock">
        <h2 id="low-stock">Low stock ({report.lowStockCount})</h2>
        {report.lowStockProducts.length === 0 ? (
          <p className={styles.muted}>Nothing is at or below {report.lowStockThreshold} units.</p>
        ) : (
          <ul className={styles.list} data-testid="low-stock-list">
            {report.lowStockProducts.map((product) => (
              <li key={product.productId}>
                {product.name}: {product.stock === 0 ? "sold out" : `${product.stock} left`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
