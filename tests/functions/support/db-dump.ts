import type { CollectionReference, DocumentData, Firestore } from "firebase-admin/firestore";

/** Every document of the database by path, subcollections included: "nothing written" is dump equality. */
export type Dump = Map<string, DocumentData>;

async function dumpCollection(collection: CollectionReference, into: Dump): Promise<void> {
  // listDocuments also finds parents that do not exist but hold subcollections (users/{uid}).
  const refs = await collection.listDocuments();
  if (refs.length === 0) return;
  const snaps = await collection.firestore.getAll(...refs);
  for (const snap of snaps) {
    const data = snap.data();
    if (data) into.set(snap.ref.path, data);
  }
  for (const ref of refs) {
    for (const sub of await ref.listCollections()) await dumpCollection(sub, into);
  }
}

export async function dumpDatabase(db: Firestore): Promise<Dump> {
  const dump: Dump = new Map();
  for (const collection of await db.listCollections()) await dumpCollection(collection, dump);
  return dump;
}

/** Writes a dump back (after clearFirestore), so each generated case starts from the same state. */
export async function restoreDatabase(db: Firestore, dump: Dump): Promise<void> {
  const entries = [...dump.entries()];
  for (let start = 0; start < entries.length; start += 400) {
    const batch = db.batch();
    for (const [path, data] of entries.slice(start, start + 400)) batch.set(db.doc(path), data);
    await batch.commit();
  }
}

/** Paths whose documents differ between two dumps (added, removed or changed). */
export function changedPaths(before: Dump, after: Dump): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)))
    .sort();
}
