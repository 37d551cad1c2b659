/**
 * A query as Firestore's backend receives it: the collection, the filters (by field and operator,
 * not value) and the full ordering. Descriptors are plain data so that a unit test can check each
 * one against firestore.indexes.json without Firebase.
 */
export type EqualityOp = "==" | "array-contains";
export type RangeOp = ">" | ">=" | "<" | "<=";
export type FilterOp = EqualityOp | RangeOp;
export type Direction = "asc" | "desc";

export type FilterShape = { field: string; op: FilterOp };
export type OrderShape = { field: string; direction: Direction };

export type QueryDescriptor = {
  /** Unique and readable, e.g. "products/list/category+tag+stock/newest". */
  id: string;
  collection: string;
  where: readonly FilterShape[];
  /**
   * Explicit and complete: it names every field that has a range filter, as Firestore requires,
   * and ends with the document id in the last field's direction (omitted here, implied).
   */
  orderBy: readonly OrderShape[];
  /** Why the query exists, for the registry's readers. */
  purpose: string;
};

export function isRangeOp(op: FilterOp): op is RangeOp {
  return op !== "==" && op !== "array-contains";
}

export type IndexField =
  { fieldPath: string; order: "ASCENDING" | "DESCENDING" } | { fieldPath: string; arrayConfig: "CONTAINS" };

/**
 * The composite index a descriptor needs, as firestore.indexes.json spells it, or null when
 * Firestore's automatic single-field indexes serve it (one field in all).
 */
export function requiredIndex(descriptor: QueryDescriptor): IndexField[] | null {
  const fields: IndexField[] = [];
  for (const { field, op } of descriptor.where) {
    if (op === "==") fields.push({ fieldPath: field, order: "ASCENDING" });
    if (op === "array-contains") fields.push({ fieldPath: field, arrayConfig: "CONTAINS" });
  }
  for (const { field, direction } of descriptor.orderBy) {
    fields.push({ fieldPath: field, order: direction === "asc" ? "ASCENDING" : "DESCENDING" });
  }
  return new Set(fields.map((field) => field.fieldPath)).size > 1 ? fields : null;
}

/** What Firestore refuses outright, whatever the indexes: checked by the registry test. */
export function descriptorProblems(descriptor: QueryDescriptor): string[] {
  const problems: string[] = [];
  const ordered = new Set(descriptor.orderBy.map((order) => order.field));
  const arrayFilters = descriptor.where.filter((filter) => filter.op === "array-contains");
  if (arrayFilters.length > 1) problems.push("more than one array-contains filter");
  for (const filter of descriptor.where) {
    if (isRangeOp(filter.op) && !ordered.has(filter.field)) {
      problems.push(`range filter on ${filter.field} without an orderBy on it`);
    }
    if (filter.op === "==" && ordered.has(filter.field)) {
      problems.push(`orderBy on ${filter.field}, which has an equality filter`);
    }
  }
  if (ordered.size !== descriptor.orderBy.length) problems.push("a field is ordered twice");
  return problems;
}
