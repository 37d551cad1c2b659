// A defect is plain data (so fast-check prints it in a counterexample): set or drop the value at a
// path, or copy one order line's productId onto another. List indices wrap around the list's length.
export type Path = readonly (string | number)[];

export type Defect =
  { set: Path; to: unknown } | { drop: Path } | { duplicateLine: readonly [from: number, to: number] };

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === "object" && value !== null && !(value instanceof Date);

/** Resolves `key` in `container`: list indices wrap; null when the path does not fit. */
function keyIn(container: Container, key: string | number): string | number | null {
  if (Array.isArray(container)) {
    return typeof key === "number" && container.length > 0 ? key % container.length : null;
  }
  return typeof key === "string" ? key : null;
}

/** The container that holds the last key of `path`, copied on the way down so nothing is shared. */
function parentOf(root: Container, path: Path): Container | null {
  let node: Container = root;
  for (const key of path.slice(0, -1)) {
    const at = keyIn(node, key);
    const child: unknown = at === null ? undefined : (node as Record<string | number, unknown>)[at];
    if (at === null || !isContainer(child)) return null;
    const copy: Container = Array.isArray(child) ? [...child] : { ...child };
    (node as Record<string | number, unknown>)[at] = copy;
    node = copy;
  }
  return node;
}

function applyOne(doc: Record<string, unknown>, defect: Defect): void {
  if ("duplicateLine" in defect) {
    const items = doc.items;
    if (!Array.isArray(items) || items.length === 0) return;
    const lines = [...items];
    const [from, to] = defect.duplicateLine.map((index) => index % lines.length) as [number, number];
    const source: unknown = lines[from];
    if (!isContainer(source) || Array.isArray(source)) return;
    if (lines.length === 1 || from === to || !("productId" in source)) lines.push({ ...source });
    else lines[to] = { ...(lines[to] as object), productId: source.productId };
    doc.items = lines;
    return;
  }
  const path = "set" in defect ? defect.set : defect.drop;
  const parent = parentOf(doc, path);
  const last = path[path.length - 1];
  const at = parent === null || last === undefined ? null : keyIn(parent, last);
  if (parent === null || at === null) return;
  if ("set" in defect) (parent as Record<string | number, unknown>)[at] = defect.to;
  else if (Array.isArray(parent)) parent.splice(Number(at), 1);
  else delete parent[at];
}

/** A copy of `doc` with every defect applied in turn (one whose path no longer fits is skipped). */
export function applyDefects(
  doc: Readonly<Record<string, unknown>>,
  defects: readonly Defect[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const defect of defects) applyOne(copy, defect);
  return copy;
}
