import "server-only";
import { getApps, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { publicEnv, serverEmulatorTargets, splitHost } from "@/lib/env";

// A named app keeps server reads apart from the default app that client components
// may initialise while they are rendered on the server.
const SERVER_APP_NAME = "hearth-server";

let db: Firestore | undefined;

/**
 * Firestore for server components: the web SDK with no signed-in user, so every read
 * is checked by the security rules exactly as a visitor's would be. One instance per
 * server process, shared by all requests.
 */
export function getServerFirestore(): Firestore {
  if (db) return db;

  const app =
    getApps().find((existing) => existing.name === SERVER_APP_NAME) ??
    initializeApp(publicEnv.firebase, SERVER_APP_NAME);
  const firestore = getFirestore(app);

  const emulatorHost = serverEmulatorTargets().firestore;
  if (emulatorHost) {
    const { host, port } = splitHost(emulatorHost);
    connectFirestoreEmulator(firestore, host, port);
  }

  db = firestore;
  return db;
}
