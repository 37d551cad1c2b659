import { deleteObject, getDownloadURL, ref, uploadBytesResumable, type UploadTask } from "firebase/storage";
import { getClientStorage } from "@/lib/firebase/client-storage";

/** Mirrors storage.rules for users/{uid}/avatar/…: an image under 2 MiB, no SVG. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"] as const;

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
};

/** Why the rules would refuse this file, or null when they accept it. */
export function avatarProblem(file: { type: string; size: number }): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
    return "Choose a JPEG, PNG, WebP, AVIF or GIF image.";
  }
  if (file.size >= AVATAR_MAX_BYTES) return "Choose an image smaller than 2 MB.";
  return null;
}

export function storageErrorMessage(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "storage/canceled") return "Upload cancelled.";
  if (code === "storage/unauthorized") {
    return "The upload was refused. Use a JPEG, PNG, WebP, AVIF or GIF image under 2 MB.";
  }
  if (code === "storage/retry-limit-exceeded")
    return "The upload timed out. Check your connection and try again.";
  return "The upload failed. Please try again.";
}

export type AvatarUpload = { task: UploadTask; done: Promise<string> };

/**
 * Uploads to users/{uid}/avatar/{time}.{ext} and resolves with the download URL. A new name per
 * upload means no cached old picture; `previousUrl` is deleted once the new one is in place.
 */
export function uploadAvatar(
  uid: string,
  file: File,
  previousUrl: string | null,
  onProgress: (percent: number) => void,
): AvatarUpload {
  const storage = getClientStorage();
  const path = `users/${uid}/avatar/${Date.now()}.${EXTENSIONS[file.type] ?? "img"}`;
  const task = uploadBytesResumable(ref(storage, path), file, { contentType: file.type });
  const done = new Promise<string>((resolve, reject) => {
    task.on(
      "state_changed",
      (snapshot) => onProgress(Math.round((snapshot.bytesTransferred / snapshot.totalBytes) * 100)),
      reject,
      () => {
        void getDownloadURL(task.snapshot.ref).then(resolve, reject);
      },
    );
  });
  done.then(
    () => {
      if (previousUrl) removeOldAvatar(uid, previousUrl);
    },
    () => undefined,
  );
  return { task, done };
}

function removeOldAvatar(uid: string, url: string): void {
  try {
    const old = ref(getClientStorage(), url);
    if (!old.fullPath.startsWith(`users/${uid}/avatar/`)) return;
    void deleteObject(old).catch(() => undefined);
  } catch {
    // Not one of our Storage URLs (e.g. a Google profile photo): nothing to delete.
  }
}
