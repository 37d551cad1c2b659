"use client";

import { addDays, zonedDate, type Report, type ReportFigures } from "@hearth/domain";
import { useState } from "react";
import { useLive } from "@/lib/admin/use-live";
import { useStoreConfig } from "@/lib/admin/use-store-config";
import { Figures, TopAndLowStock } from "./figures";
import { ReportDownloads } from "./report-downloads";
import { ReportRunner } from "./report-runner";
import { SalesChart } from "./sales-chart";
import styles from "./dashboard.module.css";

const DAYS = 30;

/** /admin: today so far, the last 30 days' reports as a chart, run-now and the CSV files. */
export function Dashboard() {
  const store = useStoreConfig();
  const [refreshed, setRefreshed] = useState(0);
  // The page's "now": the chart's days do not move under the admin while it is open.
  const [openedAt] = useState(() => Date.now());
  const today = useLive<ReportFigures>(`today/${refreshed}`, async (onValue, onError) => {
    const { callAdmin } = await import("@/lib/admin/call-admin");
    callAdmin<{ report: ReportFigures }>("adminSalesToday", {}).then(
      ({ report }) => onValue(report),
      onError,
    );
    return () => undefined;
  });
  const reports = useLive<Report[]>("reports", async (onValue, onError) =>
    (await import("@/lib/admin/reports")).watchRecentReports(DAYS, onValue, onError),
  );

  if (store.status === "loading") return <p role="status">Loading…</p>;
  const timeZone = store.status === "ready" ? (store.config?.timeZone ?? "UTC") : "UTC";
  const todayDate = zonedDate(openedAt, timeZone);
  const days = Array.from({ length: DAYS }, (_, index) => addDays(todayDate, index - DAYS));

  return (
    <>
      <section className={styles.card} aria-labelledby="today">
        <div className={styles.row}>
          <h2 id="today">Today so far</h2>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setRefreshed((count) => count + 1)}
            disabled={today.status === "loading"}
          >
            Refresh
          </button>
        </div>
        <p className={styles.muted}>
          {todayDate} in {timeZone}
        </p>
        {today.status === "loading" ? <p role="status">Counting today&apos;s orders…</p> : null}
        {today.status === "error" ? (
          <p role="alert" className="alert">
            Today&apos;s figures could not be counted. Try Refresh.
          </p>
        ) : null}
        {today.status === "ready" ? <Figures report={today.value} label="Today so far" /> : null}
      </section>
      {today.status === "ready" ? <TopAndLowStock report={today.value} /> : null}
      <section className={styles.card} aria-labelledby="last-days">
        <h2 id="last-days">Last {DAYS} days</h2>
        {reports.status === "error" ? (
          <p role="alert" className="alert">
            The reports could not be loaded. Reload the page.
          </p>
        ) : null}
        {reports.status === "ready" ? (
          <SalesChart days={days} reports={reports.value} />
        ) : (
          <p role="status">Loading reports…</p>
        )}
      </section>
      <ReportRunner today={todayDate} days={days} reports={reports.status === "ready" ? reports.value : []} />
      {reports.status === "ready" ? <ReportDownloads reports={reports.value} /> : null}
    </>
  );
}
