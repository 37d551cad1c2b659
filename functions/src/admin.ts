import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";

// Reuses an app that is already initialized, so tests can point the handlers at their own project.
export const app = getApps()[0] ?? initializeApp();
export const db = getFirestore(app);
