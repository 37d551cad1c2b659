import {
  reportDateSchema,
  reportFiguresSchema,
  type ReportFigures,
  dayWindow,
  zonedDate,
} from "@hearth/domain";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { isDeepStrictEqual } from "node:util";
import { Refusal } from "../admins/refusal";
import { computeDailyReport } from "./daily-report";
import { reportCsv } from "./report-csv";
import { reportCsvPath, writeReportCsv, type Bucket } from "./report-files";
import { readReportInput } from "./report-input";
import { readStoreDay } from "./store-day";

export const REPORTS = "reports";

export interface DailyReportResult {
  date: string;
  /** "unchanged": the stored figures were already these, and the document was left as it was. */
  document: "created" | "updated" | "unchanged";
  csv: "written" | "unchanged";
  csvPath: string;
  report: ReportFigures;
}

/**
 * The daily sales report for `date` (yyyy-mm-dd in config/store.timeZone): reads the day's orders
 * and refunds, writes reports/{date} and reports/{date}.csv in the default bucket. Idempotent: the
 * same data gives the same figures and bytes, and then neither the document (its generatedAt
 * included) nor the file is written again. Refuses a day that is not over in the store's zone,
 * so a stored report is always a whole day; `salesSoFar` covers the day in progress.
 */
export async function runDailyReport(
  db: Firestore,
  bucket: Bucket,
  date: string,
  now: Date = new Date(),
): Promise<DailyReportResult> {
  if (!reportDateSchema.safeParse(date).success)
    throw new Refusal("invalid-argument", `"${date}" is not a calendar date written yyyy-mm-dd`);
  const store = await readStoreDay(db);
  const window = dayWindow(date, store.timeZone);
  if (window.endMs > now.getTime()) {
    throw new Refusal(
      "failed-precondition",
      `${date} is not over yet in ${store.timeZone}; today's figures so far are on the dashboard`,
    );
  }
  const input = await readReportInput(db, window, store.lowStockThreshold);
  const report = reportFiguresSchema.parse(
    computeDailyReport(input.orders, input.refunds, input.products, { date, ...store }),
  );
  const document = await writeReportDocument(db, report);
  const csv = await writeReportCsv(bucket, date, reportCsv(report));
  logger.info("Daily sales report", { date, document, csv, orders: report.orderCount });
  return { date, document, csv, csvPath: reportCsvPath(date), report };
}

async function writeReportDocument(
  db: Firestore,
  report: ReportFigures,
): Promise<DailyReportResult["document"]> {
  const ref = db.collection(REPORTS).doc(report.date);
  return db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const stored = reportFiguresSchema.safeParse(snapshot.data());
    if (stored.success && isDeepStrictEqual(stored.data, report)) return "unchanged";
    tx.set(ref, { ...report, generatedAt: FieldValue.serverTimestamp() });
    return snapshot.exists ? "updated" : "created";
  });
}

/** Today's figures in the store's zone from midnight up to `now`; nothing is written. */
export async function salesSoFar(db: Firestore, now: Date = new Date()): Promise<ReportFigures> {
  const store = await readStoreDay(db);
  const date = zonedDate(now.getTime(), store.timeZone);
  const window = { startMs: dayWindow(date, store.timeZone).startMs, endMs: now.getTime() };
  const input = await readReportInput(db, window, store.lowStockThreshold);
  return reportFiguresSchema.parse(
    computeDailyReport(input.orders, input.refunds, input.products, {
      date,
      ...store,
      untilMs: now.getTime(),
    }),
  );
}
