import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import { browserEmulatorTargets, splitHost } from "@/lib/public-env";
import { getClientApp } from "./client-app";

let db: Firestore | undefined;

export function getClientFirestore(): Firestore {
  if (db) return db;
  db = getFirestore(getClientApp());
  const host = browserEmulatorTargets().firestore;
  if (host) {
    const { host: hostname, port } = splitHost(host);
    connectFirestoreEmulator(db, hostname, port);
  }
  return db;
}
