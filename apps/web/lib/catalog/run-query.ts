import "server-only";
import { getDocs, type Firestore, type QuerySnapshot } from "firebase/firestore";
import { buildQuery, type QueryInput } from "@/lib/queries/build-query";
import type { QueryDescriptor } from "@/lib/queries/descriptor";

export type { QueryInput } from "@/lib/queries/build-query";

/** Runs a registered query (see queries.ts) exactly as its descriptor describes it. */
export async function runQuery(
  db: Firestore,
  descriptor: QueryDescriptor,
  input: QueryInput,
): Promise<QuerySnapshot> {
  return getDocs(buildQuery(db, descriptor, input));
}
