import type { QueryDescriptor } from "@/lib/queries/descriptor";

/** The outbox, newest first (messages queued before mail had `createdAt` are not listed). */
export const MAIL_NEWEST: QueryDescriptor = {
  id: "mail/admin/newest",
  collection: "mail",
  where: [],
  orderBy: [{ field: "createdAt", direction: "desc" }],
  purpose: "/admin/outbox (lib/admin/outbox.ts)",
};

/** The daily reports, latest day first: the dashboard's 30-day chart and CSV links. */
export const REPORTS_LATEST: QueryDescriptor = {
  id: "reports/admin/latest",
  collection: "reports",
  where: [],
  orderBy: [{ field: "date", direction: "desc" }],
  purpose: "/admin dashboard (lib/admin/reports.ts)",
};

export const BACK_OFFICE_QUERIES: readonly QueryDescriptor[] = [MAIL_NEWEST, REPORTS_LATEST];
