import { createHash, randomUUID } from "node:crypto";
import type { Storage } from "firebase-admin/storage";
import { Refusal } from "../admins/refusal";

export type Bucket = ReturnType<Storage["bucket"]>;
type File = ReturnType<Bucket["file"]>;

const TOKENS = "firebaseStorageDownloadTokens";

export function reportCsvPath(date: string): string {
  return `reports/${date}.csv`;
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 404;
}

async function metadataOf(file: File) {
  try {
    return (await file.getMetadata())[0];
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function tokensOf(metadata: Awaited<ReturnType<typeof metadataOf>>): string | null {
  const tokens = metadata?.metadata?.[TOKENS];
  return typeof tokens === "string" && tokens !== "" ? tokens : null;
}

/**
 * Stores the CSV unless the object already holds these exact bytes (same MD5), so a rerun leaves
 * the object, its generation and its download URL alone. A changed report replaces the bytes and
 * keeps the download token, so a link an admin already has keeps working.
 */
export async function writeReportCsv(
  bucket: Bucket,
  date: string,
  csv: string,
): Promise<"written" | "unchanged"> {
  const file = bucket.file(reportCsvPath(date));
  const bytes = Buffer.from(csv, "utf8");
  const md5 = createHash("md5").update(bytes).digest("base64");
  const existing = await metadataOf(file);
  if (existing?.md5Hash === md5) return "unchanged";
  const token = tokensOf(existing);
  await file.save(bytes, {
    resumable: false,
    contentType: "text/csv; charset=utf-8",
    metadata: {
      contentDisposition: `attachment; filename="sales-${date}.csv"`,
      cacheControl: "private, max-age=0",
      ...(token ? { metadata: { [TOKENS]: token } } : {}),
    },
  });
  return "written";
}

/**
 * Where download-token URLs point, as getDownloadURL() from firebase-admin/storage has it: the
 * Storage emulator when the Admin SDK talks to one (it sets STORAGE_EMULATOR_HOST, with scheme).
 */
function downloadOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return env.STORAGE_EMULATOR_HOST || "https://firebasestorage.googleapis.com";
}

/**
 * A Firebase download-token URL for the report's CSV. Signed URLs would need the functions'
 * service account to hold iam.serviceAccounts.signBlob, which it lacks by default; a token URL
 * works in production and on the emulator alike. The token is random and minted on the first
 * request (never derived from the path), and only admin callers get it; whoever holds the URL can
 * read that one file until the token is removed from the object's metadata. The URL is built as
 * getDownloadURL() builds it, from the token in the object's metadata: getDownloadURL() reads
 * that metadata again through the Firebase endpoint, which the Storage emulator checks against
 * storage.rules, where the Admin SDK outside the Functions emulator is nobody.
 */
export async function reportDownloadUrl(bucket: Bucket, date: string): Promise<string> {
  const file = bucket.file(reportCsvPath(date));
  const metadata = await metadataOf(file);
  if (!metadata) throw new Refusal("not-found", `There is no report for ${date} yet; run it first`);
  let token = tokensOf(metadata)?.split(",")[0];
  if (!token) {
    token = randomUUID();
    await file.setMetadata({ metadata: { [TOKENS]: token } });
  }
  return `${downloadOrigin()}/v0/b/${bucket.name}/o/${encodeURIComponent(file.name)}?alt=media&token=${token}`;
}
