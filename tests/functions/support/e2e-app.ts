import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { E2E_PROJECT } from "./emulators";

const NAME = "e2e";

/** Writes here fire the real triggers in the Functions emulator. */
const app =
  getApps().find((candidate) => candidate.name === NAME) ?? initializeApp({ projectId: E2E_PROJECT }, NAME);

export const db = getFirestore(app);
export const auth = getAuth(app);
