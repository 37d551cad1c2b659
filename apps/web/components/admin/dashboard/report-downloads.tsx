"use client";

import { formatMoney, type Report } from "@hearth/domain";
import { useState } from "react";
import { LiveMessage } from "@/components/account/live-message";
import styles from "./dashboard.module.css";

/**
 * The CSV of each report. The link is asked for on click: a callable hands admins a download URL,
 * so the file's address never sits in a page a shopper could see.
 */
export function ReportDownloads({ reports }: { reports: readonly Report[] }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState("");

  async function download(date: string) {
    setBusy(date);
    setFailure("");
    const { callAdmin, describeCallableError } = await import("@/lib/admin/call-admin");
    try {
      const { url } = await callAdmin<{ url: string }>("adminReportDownloadUrl", { date });
      window.location.assign(url);
    } catch (error) {
      setFailure(describeCallableError(error));
    } finally {
      setBusy(null);
    }
  }

  const latest = [...reports].reverse().slice(0, 10);
  return (
    <section className={styles.card} aria-labelledby="report-files">
      <h2 id="report-files">Report files</h2>
      {latest.length === 0 ? <p className={styles.muted}>No reports yet: run one above.</p> : null}
      <ul className={styles.list}>
        {latest.map((report) => (
          <li key={report.date} data-testid="report-file">
            {report.date}: {report.orderCount} orders, {formatMoney(report.netRevenueCents, report.currency)}{" "}
            net{" "}
            <button
              type="button"
              className="button-secondary"
              disabled={busy !== null}
              onClick={() => void download(report.date)}
            >
              {busy === report.date ? "Preparing…" : "Download CSV"}
              <span className="visually-hidden"> for {report.date}</span>
            </button>
          </li>
        ))}
      </ul>
      <LiveMessage kind="alert" message={failure} />
    </section>
  );
}
