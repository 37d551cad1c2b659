import { deleteObject, getDownloadURL, ref, uploadBytesResumable, type UploadTask } from "firebase/storage";
import { getClientStorage } from "@/lib/firebase/client-storage";
import { IMAGE_EXTENSIONS, imageFileProblem, storageErrorMessage } from "@/lib/uploads/image-files";

/** Mirrors storage.rules for users/{uid}/avatar/…: an image under 2 MiB, no SVG. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** Why the rules would refuse this file, or null when they accept it. */
export function avatarProblem(file: { type: string; size: number }): string | null {
  return imageFileProblem(file, AVATAR_MAX_BYTES);
}

export function avatarUploadError(error: unknown): string {
  return storageErrorMessage(error, AVATAR_MAX_BYTES);
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
  const path = `users/${uid}/avatar/${Date.now()}.${IMAGE_EXTENSIONS[file.type] ?? "img"}`;
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
