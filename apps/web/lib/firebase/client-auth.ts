import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { browserEmulatorTargets } from "@/lib/public-env";
import { getClientApp } from "./client-app";

let auth: Auth | undefined;

export function getClientAuth(): Auth {
  if (auth) return auth;
  auth = getAuth(getClientApp());
  const host = browserEmulatorTargets().auth;
  if (host) connectAuthEmulator(auth, `http://${host}`, { disableWarnings: true });
  return auth;
}
