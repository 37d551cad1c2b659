import { getApp, getApps, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { connectStorageEmulator, getStorage, type FirebaseStorage } from "firebase/storage";
import { browserEmulatorTargets, publicEnv, splitHost } from "@/lib/env";

export type ClientFirebase = {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  storage: FirebaseStorage;
};

let services: ClientFirebase | undefined;

/**
 * The browser's Firebase services, created on first use. Call it from effects or
 * event handlers, not while rendering: client components are also rendered on the server.
 */
export function getClientFirebase(): ClientFirebase {
  if (services) return services;

  // getApps() survives hot reloads that re-run this module; the connect* calls are
  // no-ops when repeated with the same settings.
  const app = getApps().length > 0 ? getApp() : initializeApp(publicEnv.firebase);
  const auth = getAuth(app);
  const db = getFirestore(app);
  const storage = getStorage(app);

  const emulators = browserEmulatorTargets();
  if (emulators.auth) {
    connectAuthEmulator(auth, `http://${emulators.auth}`, { disableWarnings: true });
  }
  if (emulators.firestore) {
    const { host, port } = splitHost(emulators.firestore);
    connectFirestoreEmulator(db, host, port);
  }
  if (emulators.storage) {
    const { host, port } = splitHost(emulators.storage);
    connectStorageEmulator(storage, host, port);
  }

  services = { app, auth, db, storage };
  return services;
}
