// What each Firestore gRPC call costs, read from its decoded messages (web-grpc-proxy.ts): the
// documents it returns (reads) and the documents it writes or deletes.
import { messageField, readFields, repeatedInts, type WireField } from "./web-protobuf";
import { ListenLedger, type ReadTally } from "./web-read-tally";

const SERVICE = "/google.firestore.v1.Firestore/";

/** Counts the operations of one call from its decoded request and response messages. */
export interface CallMeter {
  request: (message: Uint8Array) => void;
  response: (message: Uint8Array) => void;
  end: () => void;
}

export function meterFor(path: string, tally: ReadTally): CallMeter | null {
  const method = path.startsWith(SERVICE) ? path.slice(SERVICE.length) : "";
  if (method === "Listen") return listenMeter(tally);
  // Single answers: each response message (or field) is one document.
  const documentFields: Record<string, readonly number[]> = {
    RunQuery: [1], // RunQueryResponse.document
    BatchGetDocuments: [1, 2], // found, missing (a missing document is billed too)
    GetDocument: [],
    ListDocuments: [1], // documents
  };
  const fields = documentFields[method];
  if (fields) return documentsMeter(fields, tally);
  if (method === "RunAggregationQuery") {
    // Billed one read per 1,000 index entries counted, at least one: counted as one empty answer.
    tally.query();
    tally.emptyQuery();
  }
  // CommitRequest.writes and BatchWriteRequest.writes are field 2, WriteRequest.writes field 3.
  const writesField: Record<string, number> = { Commit: 2, BatchWrite: 2, Write: 3 };
  const field = writesField[method];
  return field === undefined ? null : writesMeter(field, tally);
}

function documentsMeter(fields: readonly number[], tally: ReadTally): CallMeter {
  tally.query();
  let documents = 0;
  return {
    request: () => undefined,
    response: (message) => {
      const found =
        fields.length === 0 ? 1 : readFields(message).filter((f) => fields.includes(f.field)).length;
      for (let i = 0; i < found; i++) tally.document();
      documents += found;
    },
    end: () => {
      if (documents === 0) tally.emptyQuery();
    },
  };
}

/**
 * Each Write in the request is one billed operation: Write.delete (field 2) a delete, Write.update
 * (1) or Write.transform (6) a write; a lone precondition (Write.verify, 5) writes nothing.
 */
function writesMeter(field: number, tally: ReadTally): CallMeter {
  const isWrite = (candidate: WireField): candidate is Extract<WireField, { kind: "bytes" }> =>
    candidate.field === field && candidate.kind === "bytes";
  return {
    request: (message) => {
      for (const write of readFields(message).filter(isWrite)) {
        const parts = new Set(readFields(write.value).map((part) => part.field));
        if (parts.has(2)) tally.delete();
        else if (parts.has(1) || parts.has(6)) tally.write();
      }
    },
    response: () => undefined,
    end: () => undefined,
  };
}

function listenMeter(tally: ReadTally): CallMeter {
  const ledger = new ListenLedger(tally);
  return {
    request: (message) => {
      const fields = readFields(message);
      const target = messageField(fields, 2); // ListenRequest.add_target
      const targetId = target ? repeatedInts(readFields(target), 5)[0] : undefined; // Target.target_id
      if (targetId !== undefined) ledger.added(targetId);
      for (const removed of repeatedInts(fields, 3)) ledger.removed(removed); // remove_target
    },
    response: (message) => {
      const fields = readFields(message);
      const change = messageField(fields, 3); // ListenResponse.document_change
      if (change) ledger.delivered(repeatedInts(readFields(change), 5)); // DocumentChange.target_ids
      const targetChange = messageField(fields, 2); // ListenResponse.target_change
      if (targetChange) {
        const targetFields = readFields(targetChange);
        const REMOVE = 2; // TargetChange.TargetChangeType.REMOVE
        if (repeatedInts(targetFields, 1)[0] === REMOVE) {
          for (const id of repeatedInts(targetFields, 2)) ledger.removed(id);
        }
      }
    },
    end: () => ledger.closed(),
  };
}
