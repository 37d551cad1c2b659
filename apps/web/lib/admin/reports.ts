import { reportSchema, type Report } from "@hearth/domain";
import { onSnapshot } from "firebase/firestore";
import { getClientFirestore } from "@/lib/firebase/client-firestore";
import { buildQuery } from "@/lib/queries/build-query";
import { REPORTS_LATEST } from "./back-office-queries";

/** The latest `days` daily reports, live (a run-now shows at once), oldest first for the chart. */
export function watchRecentReports(
  days: number,
  onReports: (reports: Report[]) => void,
  onError: (error: Error) => void,
): () => void {
  const query = buildQuery(getClientFirestore(), REPORTS_LATEST, { values: [], limit: days });
  return onSnapshot(
    query,
    (snapshot) =>
      onReports(
        snapshot.docs
          .flatMap((item) => {
            const parsed = reportSchema.safeParse(item.data());
            return parsed.success ? [parsed.data] : [];
          })
          .reverse(),
      ),
    onError,
  );
}
