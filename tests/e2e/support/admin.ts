import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import { emulatorHost, PROJECT_ID } from "./emulators";

export const STORAGE_BUCKET = `${PROJECT_ID}.appspot.com`;

export function adminApp(): App {
  // The Admin SDK finds the emulators through *_EMULATOR_HOST; fail loudly if they are missing.
  emulatorHost("FIRESTORE_EMULATOR_HOST");
  emulatorHost("FIREBASE_STORAGE_EMULATOR_HOST");
  return getApps()[0] ?? initializeApp({ projectId: PROJECT_ID, storageBucket: STORAGE_BUCKET });
}

/** Firestore with admin rights, for seeding around the security rules. */
export function adminFirestore(): Firestore {
  return getFirestore(adminApp());
}

/**
 * Uploads a file to the Storage emulator and returns its plain media URL, which
 * loads only where the storage rules allow public reads.
 */
export async function uploadFile(path: string, contents: Buffer, contentType: string): Promise<string> {
  const bucket = getStorage(adminApp()).bucket(STORAGE_BUCKET);
  await bucket.file(path).save(contents, { resumable: false, contentType });
  const host = emulatorHost("FIREBASE_STORAGE_EMULATOR_HOST");
  return `http://${host}/v0/b/${STORAGE_BUCKET}/o/${encodeURIComponent(path)}?alt=media`;
}
