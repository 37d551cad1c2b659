import { onSnapshot, Timestamp, type Query, type QueryDocumentSnapshot } from "firebase/firestore";

/** Where the next page of a list ordered by createdAt starts: the last row's createdAt and id. */
export type CreatedAtCursor = { createdAt: Timestamp; id: string };

export type Page<Row> = { rows: Row[]; next: CreatedAtCursor | null; skipped: number };

/**
 * One live page of a registered query that asked for `pageSize + 1` documents: the extra one only
 * says whether there is a next page. Rows the parser refuses (null) are counted, not shown.
 */
export function watchPage<Row>(
  query: Query,
  pageSize: number,
  parse: (document: QueryDocumentSnapshot) => Row | null,
  onPage: (page: Page<Row>) => void,
  onError: (error: Error) => void,
): () => void {
  return onSnapshot(
    query,
    (snapshot) => {
      const documents = snapshot.docs.slice(0, pageSize);
      const rows: Row[] = [];
      for (const document of documents) {
        const row = parse(document);
        if (row !== null) rows.push(row);
      }
      const last = documents.at(-1);
      const createdAt: unknown = last?.get("createdAt");
      const next =
        snapshot.docs.length > pageSize && last && createdAt instanceof Timestamp
          ? { createdAt, id: last.id }
          : null;
      onPage({ rows, next, skipped: documents.length - rows.length });
    },
    onError,
  );
}
