import type { Firestore } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import * as logger from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { app, db } from "../admin";
import { REGION } from "../config";
import type { Bucket } from "./report-files";
import { REPORTS, runDailyReport, type DailyReportResult } from "./run-daily-report";
import { readStoreDay } from "./store-day";
import { addDays, zonedTime } from "@hearth/domain";

/** The report for yesterday runs from 00:05 on the store's wall clock. */
export const REPORT_AFTER_MINUTES = 5;

export type ScheduledReportOutcome =
  { ran: true; result: DailyReportResult } | { ran: false; date: string; reason: string };

/**
 * One tick of the schedule: once it is 00:05 or later in config/store.timeZone, makes yesterday's
 * report there if reports/{yesterday} does not exist yet. Ticks after that find the document and
 * stop after one read.
 */
export async function runScheduledDailyReport(
  db: Firestore,
  bucket: Bucket,
  now: Date = new Date(),
): Promise<ScheduledReportOutcome> {
  const { timeZone } = await readStoreDay(db);
  const local = zonedTime(now.getTime(), timeZone);
  const date = addDays(local.date, -1);
  if (local.minutes < REPORT_AFTER_MINUTES)
    return { ran: false, date, reason: `it is not 00:05 yet in ${timeZone}` };
  if ((await db.collection(REPORTS).doc(date).get()).exists)
    return { ran: false, date, reason: "the report exists" };
  return { ran: true, result: await runDailyReport(db, bucket, date, now) };
}

/**
 * Every 15 minutes at :05, :20, :35 and :50 UTC rather than once at 00:05 in a fixed zone: a
 * schedule's zone is fixed at deploy time, while config/store.timeZone is an admin setting. At
 * these minutes every zone in use (whole-hour, :30 and :45 offsets) reaches 00:05 on a tick, so
 * the report comes at 00:05 local; a change of zone needs no redeploy, a failed run is retried on
 * the next tick, and a day whose midnight a DST change skips still gets its report. The 95 other
 * ticks a day read one document each. Scheduled functions do not fire in the Functions emulator:
 * there, admins run the report from the dashboard (adminRunDailyReport).
 */
export const dailySalesReport = onSchedule(
  {
    schedule: "5,20,35,50 * * * *",
    timeZone: "UTC",
    region: REGION,
    memory: "512MiB",
    timeoutSeconds: 540,
  },
  async () => {
    const outcome = await runScheduledDailyReport(db, getStorage(app).bucket());
    if (outcome.ran) logger.info("Scheduled daily report written", { date: outcome.result.date });
  },
);
