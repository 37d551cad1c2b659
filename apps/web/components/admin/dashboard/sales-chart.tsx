import { formatMoney, type Report } from "@hearth/domain";
import styles from "./dashboard.module.css";

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 8 };

/**
 * Revenue per day as bars, orders per day as the number above each bar: an SVG drawn on the
 * server or client alike, with the same figures as a table for screen readers and keyboard users.
 */
export function SalesChart({ days, reports }: { days: readonly string[]; reports: readonly Report[] }) {
  const byDate = new Map(reports.map((report) => [report.date, report]));
  const currency = reports[0]?.currency ?? "USD";
  const max = Math.max(1, ...reports.map((report) => report.grossRevenueCents));
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, days.length);
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const total = reports.reduce((sum, report) => sum + report.grossRevenueCents, 0);

  return (
    <figure className={styles.chart}>
      <figcaption>
        Revenue per day, last {days.length} days: {formatMoney(total, currency)} in all
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="sales-chart-summary"
        data-testid="sales-chart"
      >
        <desc id="sales-chart-summary">
          {reports.length} of {days.length} days have a report; the table below lists each day.
        </desc>
        {days.map((date, index) => {
          const report = byDate.get(date);
          const x = PAD.left + index * slot;
          const height = report ? (report.grossRevenueCents / max) * plot : 0;
          const label = index % 5 === 0 || index === days.length - 1;
          return (
            <g key={date}>
              {report ? (
                <rect
                  className={styles.bar}
                  x={x + slot * 0.15}
                  width={slot * 0.7}
                  y={PAD.top + plot - height}
                  height={Math.max(height, report.orderCount > 0 ? 1 : 0)}
                >
                  <title>
                    {date}: {formatMoney(report.grossRevenueCents, currency)}, {report.orderCount} orders
                  </title>
                </rect>
              ) : (
                <rect
                  className={styles.missing}
                  x={x + slot * 0.15}
                  width={slot * 0.7}
                  y={PAD.top + plot - 2}
                  height={2}
                >
                  <title>{date}: no report yet</title>
                </rect>
              )}
              {label ? (
                <text className={styles.axis} x={x + slot / 2} y={HEIGHT - 8} textAnchor="middle">
                  {date.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details className={styles.table}>
        <summary>The figures as a table</summary>
        <table>
          <caption className="visually-hidden">Revenue and orders per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Orders</th>
              <th scope="col">Revenue</th>
              <th scope="col">Refunds</th>
            </tr>
          </thead>
          <tbody>
            {days.map((date) => {
              const report = byDate.get(date);
              return (
                <tr key={date}>
                  <th scope="row">{date}</th>
                  <td>{report ? report.orderCount : "—"}</td>
                  <td>{report ? formatMoney(report.grossRevenueCents, report.currency) : "no report"}</td>
                  <td>{report ? formatMoney(report.refundedCents, report.currency) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
