import { getApp, getApps, initializeApp, type FirebaseApp } from "firebase/app";
import { publicEnv } from "@/lib/public-env";

/**
 * The browser's Firebase app. Each service lives in its own module (client-auth, client-firestore,
 * client-storage) so a page loads only the SDKs it uses, and only when it needs them: import those
 * modules with `await import(...)` from effects or event handlers, never while rendering.
 */
export function getClientApp(): FirebaseApp {
  // getApps() survives hot reloads that re-run this module.
  return getApps().length > 0 ? getApp() : initializeApp(publicEnv.firebase);
}
