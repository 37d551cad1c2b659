import { reportDateSchema, addDays, zonedDate } from "@hearth/domain";
import { getStorage } from "firebase-admin/storage";
import { onCall } from "firebase-functions/v2/https";
import * as z from "zod";
import { app, db } from "../admin";
import { asHttps } from "../admins/as-https";
import { Refusal } from "../admins/refusal";
import { parseInput } from "../admins/require-admin";
import { requireCurrentAdmin } from "../admins/require-current-admin";
import { REGION } from "../config";
import { reportDownloadUrl } from "./report-files";
import { runDailyReport, salesSoFar } from "./run-daily-report";
import { readStoreDay } from "./store-day";

const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

// Date.UTC reads years 0-99 as 1900-1999, so a report for "0001-01-01" would cover 1901.
const FIRST_REPORT_DATE = "1970-01-01";
const dateSchema = z
  .string()
  .trim()
  .pipe(reportDateSchema)
  .refine((date) => date >= FIRST_REPORT_DATE, `Reports cover days from ${FIRST_REPORT_DATE} on`);

/**
 * No time zone is a whole day ahead of UTC, so a date after tomorrow in UTC is not over anywhere;
 * refused before any day arithmetic, which overflows past 9999-12-31.
 */
function refuseFarFuture(date: string, now: Date): void {
  if (date > addDays(zonedDate(now.getTime(), "UTC"), 1)) {
    throw new Refusal(
      "failed-precondition",
      `${date} is not over yet; today's figures so far are on the dashboard`,
    );
  }
}

/** `date` defaults to yesterday in the store's time zone, the day the schedule reports on. */
export const runReportInputSchema = z.strictObject({ date: dateSchema.optional() });
// The web SDK sends null for a call without data.
export const salesTodayInputSchema = z.strictObject({}).nullish();
export const downloadInputSchema = z.strictObject({ date: dateSchema });

const bucket = () => getStorage(app).bucket();

/** Runs (or reruns) the daily report for a day that is over; the same as the schedule does. */
export const adminRunDailyReport = onCall(
  { ...options, memory: "512MiB", timeoutSeconds: 300 },
  async (request) => {
    await requireCurrentAdmin(request);
    const input = parseInput(runReportInputSchema, request.data);
    return asHttps(async () => {
      const now = new Date();
      const date = input.date ?? addDays(zonedDate(now.getTime(), (await readStoreDay(db)).timeZone), -1);
      refuseFarFuture(date, now);
      const { document, csv, csvPath, report } = await runDailyReport(db, bucket(), date, now);
      return { date, document, csv, csvPath, report };
    });
  },
);

/** Today's figures so far in the store's zone, computed on the spot; nothing is stored. */
export const adminSalesToday = onCall(options, async (request) => {
  await requireCurrentAdmin(request);
  parseInput(salesTodayInputSchema, request.data);
  return asHttps(async () => ({ report: await salesSoFar(db, new Date()) }));
});

/** A download URL of reports/{date}.csv, for admins only (see reportDownloadUrl). */
export const adminReportDownloadUrl = onCall(options, async (request) => {
  await requireCurrentAdmin(request);
  const { date } = parseInput(downloadInputSchema, request.data);
  return asHttps(async () => ({ date, url: await reportDownloadUrl(bucket(), date) }));
});
