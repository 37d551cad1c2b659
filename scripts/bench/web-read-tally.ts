/** Firestore operations one client (the Next.js server, the browser, the functions) made while a tally ran. */
export interface ReadCount {
  /** Documents the emulator sent back: query results, looked-up documents, listener updates. */
  documents: number;
  /** Queries and document look-ups asked for (Listen targets, RunQuery, BatchGet, Get…). */
  queries: number;
  /** Of those, the ones answered with no document; Firestore bills each of them one read. */
  emptyQueries: number;
  /** What Firestore would bill as reads: every document, plus one per empty answer. */
  billed: number;
  /** Documents written (set, update, create, transform), each billed as one write. */
  writes: number;
  /** Documents deleted, billed at the delete price. */
  deletes: number;
}

export class ReadTally {
  private documents = 0;
  private queries = 0;
  private emptyQueries = 0;
  private writes = 0;
  private deletes = 0;

  document(): void {
    this.documents++;
  }

  query(): void {
    this.queries++;
  }

  emptyQuery(): void {
    this.emptyQueries++;
  }

  write(): void {
    this.writes++;
  }

  delete(): void {
    this.deletes++;
  }

  reset(): void {
    this.documents = 0;
    this.queries = 0;
    this.emptyQueries = 0;
    this.writes = 0;
    this.deletes = 0;
  }

  count(): ReadCount {
    const { documents, queries, emptyQueries, writes, deletes } = this;
    return { documents, queries, emptyQueries, billed: documents + emptyQueries, writes, deletes };
  }
}

/**
 * The targets of one Listen stream. The web SDK runs getDoc and getDocs as a listener that it
 * removes after the first snapshot, so each target is one query: its documents arrive as
 * document changes tagged with its id, and a target removed before any arrived answered empty.
 */
export class ListenLedger {
  private readonly documentsByTarget = new Map<number, number>();

  constructor(private readonly tally: ReadTally) {}

  added(targetId: number): void {
    this.documentsByTarget.set(targetId, 0);
    this.tally.query();
  }

  delivered(targetIds: readonly number[]): void {
    this.tally.document();
    for (const id of targetIds) {
      const count = this.documentsByTarget.get(id);
      if (count !== undefined) this.documentsByTarget.set(id, count + 1);
    }
  }

  removed(targetId: number): void {
    if (this.documentsByTarget.get(targetId) === 0) this.tally.emptyQuery();
    this.documentsByTarget.delete(targetId);
  }

  closed(): void {
    for (const id of [...this.documentsByTarget.keys()]) this.removed(id);
  }
}
