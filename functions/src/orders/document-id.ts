const MAX_ID_BYTES = 1500;

/**
 * Whether Firestore accepts `id` as a document id: no "/", not "." or "..", not reserved `__…__`,
 * at most 1500 bytes. The SDK throws (or the backend refuses) on anything else, so ids that come
 * from a client document are checked before they name a document.
 */
export function isUsableDocumentId(id: string): boolean {
  return (
    id.length > 0 &&
    Buffer.byteLength(id, "utf8") <= MAX_ID_BYTES &&
    !id.includes("/") &&
    id !== "." &&
    id !== ".." &&
    !/^__.*__$/s.test(id)
  );
}
