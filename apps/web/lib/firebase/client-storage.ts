import { connectStorageEmulator, getStorage, type FirebaseStorage } from "firebase/storage";
import { browserEmulatorTargets, splitHost } from "@/lib/public-env";
import { getClientApp } from "./client-app";

let storage: FirebaseStorage | undefined;

export function getClientStorage(): FirebaseStorage {
  if (storage) return storage;
  storage = getStorage(getClientApp());
  const host = browserEmulatorTargets().storage;
  if (host) {
    const { host: hostname, port } = splitHost(host);
    connectStorageEmulator(storage, hostname, port);
  }
  return storage;
}
