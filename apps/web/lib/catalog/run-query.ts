import "server-only";
import {
  collection,
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type Firestore,
  type QueryConstraint,
  type QuerySnapshot,
} from "firebase/firestore";
import type { CursorValue } from "./cursor";
import { registeredQuery } from "@/lib/queries/registry";
import type { QueryDescriptor } from "@/lib/queries/descriptor";

export type QueryInput = {
  /** One value per filter of the descriptor, in its order. */
  values: readonly unknown[];
  /** Values of the descriptor's order fields, then the document id. */
  startAfter?: { values: readonly CursorValue[]; id: string } | null;
  limit: number;
};

function toFirestoreValue(value: CursorValue): unknown {
  return typeof value === "object" ? new Timestamp(value.seconds, value.nanoseconds) : value;
}

/** Runs a registered query (see queries.ts) exactly as its descriptor describes it. */
export async function runQuery(
  db: Firestore,
  descriptor: QueryDescriptor,
  input: QueryInput,
): Promise<QuerySnapshot> {
  if (JSON.stringify(registeredQuery(descriptor.id)) !== JSON.stringify(descriptor)) {
    throw new Error(`Query ${descriptor.id} differs from its entry in the query registry`);
  }
  if (input.values.length !== descriptor.where.length) {
    throw new Error(
      `Query ${descriptor.id} takes ${descriptor.where.length} values, got ${input.values.length}`,
    );
  }
  const constraints: QueryConstraint[] = descriptor.where.map((filter, index) =>
    where(filter.field, filter.op, input.values[index]),
  );
  const last = descriptor.orderBy.at(-1);
  if (last) {
    for (const order of descriptor.orderBy) constraints.push(orderBy(order.field, order.direction));
    constraints.push(orderBy(documentId(), last.direction));
  }
  if (input.startAfter) {
    if (input.startAfter.values.length !== descriptor.orderBy.length) {
      throw new Error(`Cursor does not fit query ${descriptor.id}`);
    }
    constraints.push(startAfter(...input.startAfter.values.map(toFirestoreValue), input.startAfter.id));
  }
  constraints.push(limit(input.limit));
  return getDocs(query(collection(db, descriptor.collection), ...constraints));
}
