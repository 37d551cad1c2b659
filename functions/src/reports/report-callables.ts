import { reportDateSchema, addDays, zonedDate } from "@hearth/domain";
import { getStorage } from "firebase-admin/storage";
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { app, db } from "../admin";
import { asHttps } from "../admins/refusal";
import { parseInput, requireAdmin } from "../admins/require-admin";
import { REGION } from "../config";
import { reportDownloadUrl } from "./report-files";
import { runDailyReport, salesSoFar } from "./run-daily-report";
import { readStoreDay } from "./store-day";

const options = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;

const dateSchema = z.string().trim().pipe(reportDateSchema);

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
    requireAdmin(request);
    const input = parseInput(runReportInputSchema, request.data);
    return asHttps(async () => {
      const now = new Date();
      const date = input.date ?? addDays(zonedDate(now.getTime(), (await readStoreDay(db)).timeZone), -1);
      const { document, csv, csvPath, report } = await runDailyReport(db, bucket(), date, now);
      return { date, document, csv, csvPath, report };
    });
  },
);

/** Today's figures so far in the store's zone, computed on the spot; nothing is stored. */
export const adminSalesToday = onCall(options, async (request) => {
  requireAdmin(request);
  parseInput(salesTodayInputSchema, request.data);
  return asHttps(async () => ({ report: await salesSoFar(db, new Date()) }));
});

/** A download URL of reports/{date}.csv, for admins only (see reportDownloadUrl). */
export const adminReportDownloadUrl = onCall(options, async (request) => {
  requireAdmin(request);
  const { date } = parseInput(downloadInputSchema, request.data);
  return asHttps(async () => ({ date, url: await reportDownloadUrl(bucket(), date) }));
});
