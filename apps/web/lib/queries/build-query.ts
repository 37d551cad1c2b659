import {
  collection,
  documentId,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type Firestore,
  type Query,
  type QueryConstraint,
} from "firebase/firestore";
import type { QueryDescriptor } from "./descriptor";
import { registeredQuery } from "./registry";

/** A Firestore Timestamp as plain numbers: millisecond precision would skip items on the next page. */
export type CursorTimestamp = { seconds: number; nanoseconds: number };
export type CursorValue = string | number | CursorTimestamp;

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

/**
 * A registered query (lib/queries/registry.ts) exactly as its descriptor describes it, for the
 * server's getDocs or the browser's onSnapshot alike. `collectionPath` serves subcollections.
 */
export function buildQuery(
  db: Firestore,
  descriptor: QueryDescriptor,
  input: QueryInput,
  collectionPath: string = descriptor.collection,
): Query {
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
  return query(collection(db, collectionPath), ...constraints);
}
