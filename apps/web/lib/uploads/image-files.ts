/** The image types storage.rules accepts for uploads (isImageUnder): no SVG, which can carry script. */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"] as const;

export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
};

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Why the rules would refuse this file (type, or size at or over `maxBytes`), or null. */
export function imageFileProblem(file: { type: string; size: number }, maxBytes: number): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return "Choose a JPEG, PNG, WebP, AVIF or GIF image.";
  }
  if (file.size >= maxBytes) return `Choose an image smaller than ${megabytes(maxBytes)}.`;
  return null;
}

/** A Storage upload's failure in words; `maxBytes` is the limit the rules apply to this upload. */
export function storageErrorMessage(error: unknown, maxBytes: number): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "storage/canceled") return "Upload cancelled.";
  if (code === "storage/unauthorized") {
    return `The upload was refused. Use a JPEG, PNG, WebP, AVIF or GIF image under ${megabytes(maxBytes)}.`;
  }
  if (code === "storage/retry-limit-exceeded")
    return "The upload timed out. Check your connection and try again.";
  return "The upload failed. Please try again.";
}
