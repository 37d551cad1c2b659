import { createHash } from "node:crypto";

const PRODUCTION_ORIGIN = "https://firebasestorage.googleapis.com";

/**
 * Where browsers fetch Storage objects: the emulator inside the Functions emulator and tests
 * (which set FIREBASE_STORAGE_EMULATOR_HOST, host:port), Firebase Storage otherwise.
 */
export function storageOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const host = env.FIREBASE_STORAGE_EMULATOR_HOST ?? env.STORAGE_EMULATOR_HOST;
  if (!host) return PRODUCTION_ORIGIN;
  return /^https?:\/\//.test(host) ? host.replace(/\/+$/, "") : `http://${host}`;
}

/**
 * The object's download token, derived from its bucket and path rather than random, so a
 * redelivered event that rewrites a file keeps the URL already stored on the product valid.
 * Tokens only grant reading, and these files are public-read under storage.rules anyway.
 */
export function downloadToken(bucket: string, path: string): string {
  const hex = createHash("sha256").update(`hearth-image:${bucket}/${path}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A Firebase download URL, the form getDownloadURL() returns and the seed stores: it works on
 * the emulator and in production without a rules check per request.
 */
export function downloadUrl(origin: string, bucket: string, path: string): string {
  const token = downloadToken(bucket, path);
  return `${origin}/v0/b/${bucket}/o/${encodeURIComponent(path)}?alt=media&token=${token}`;
}
