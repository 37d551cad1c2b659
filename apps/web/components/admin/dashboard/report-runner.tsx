"use client";

import { addDays, type Report } from "@hearth/domain";
import { useState } from "react";
import { LiveMessage } from "@/components/account/live-message";
import styles from "./dashboard.module.css";

async function runReport(date: string): Promise<string | null> {
  const { callAdmin, describeCallableError } = await import("@/lib/admin/call-admin");
  try {
    await callAdmin("adminRunDailyReport", { date });
    return null;
  } catch (error) {
    return describeCallableError(error);
  }
}

/**
 * Runs the daily report now, for one chosen day or for every day of the chart that has none (the
 * schedule does not fire on the emulators). The chart fills in live as each report is written.
 */
export function ReportRunner({
  today,
  days,
  reports,
}: {
  today: string;
  days: readonly string[];
  reports: readonly Report[];
}) {
  const [date, setDate] = useState(addDays(today, -1));
  const [progress, setProgress] = useState("");
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const missing = days.filter((day) => !reports.some((report) => report.date === day));

  async function runAll(dates: readonly string[]) {
    setBusy(true);
    setFailure("");
    for (const [index, day] of dates.entries()) {
      setProgress(`Running the report for ${day} (${index + 1} of ${dates.length})…`);
      const problem = await runReport(day);
      if (problem) {
        setFailure(`${day}: ${problem}`);
        setProgress("");
        setBusy(false);
        return;
      }
    }
    setProgress(
      dates.length === 1
        ? `The report for ${dates[0] ?? ""} is ready.`
        : `${dates.length} reports are ready.`,
    );
    setBusy(false);
  }

  return (
    <section className={styles.card} aria-labelledby="run-report">
      <h2 id="run-report">Run a daily report</h2>
      <p className={styles.muted}>
        Reports run by themselves at 00:05 in the store&apos;s time zone for the day before. Run one now for
        any day that is over.
      </p>
      <div className={styles.row}>
        <div className="field">
          <label className="field-label" htmlFor="report-date">
            Day
          </label>
          <input
            id="report-date"
            className="input"
            type="date"
            value={date}
            max={addDays(today, -1)}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
        <button type="button" className="button" disabled={busy || !date} onClick={() => void runAll([date])}>
          Run report
        </button>
        {missing.length > 0 ? (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => void runAll(missing)}
          >
            Fill in {missing.length} missing {missing.length === 1 ? "day" : "days"}
          </button>
        ) : null}
      </div>
      <LiveMessage kind="status" message={progress} />
      <LiveMessage kind="alert" message={failure} />
    </section>
  );
}
