const MAX_ID_BYTES = 1500;

/**
 * Why Firestore would refuse `id` as a document id, or null when it accepts it: no "/", not "." or
 * "..", not reserved `__…__`, valid UTF-8 (no lone surrogate), at most 1500 bytes.
 */
export function documentIdProblem(id: string): string | null {
  if (id.length === 0) return "is empty";
  if (id.includes("/")) return 'contains "/"';
  if (id === "." || id === "..") return 'is "." or ".."';
  if (/^__.*__$/s.test(id)) return "has the reserved form __…__";
  // Unpaired surrogates have no UTF-8 encoding: the `u` flag matches only those.
  if (/[\uD800-\uDFFF]/u.test(id)) return "is not valid UTF-8";
  const bytes = Buffer.byteLength(id, "utf8");
  if (bytes > MAX_ID_BYTES) return `is ${bytes} bytes long (at most ${MAX_ID_BYTES})`;
  return null;
}

/**
 * Whether Firestore accepts `id` as a document id. The SDK throws (or the backend refuses) on
 * anything else, so ids that come from a client document or a webhook are checked before they
 * name a document.
 */
export function isUsableDocumentId(id: string): boolean {
  return documentIdProblem(id) === null;
}
