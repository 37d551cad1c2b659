import "server-only";
import { deleteApp, initializeServerApp } from "firebase/app";
import { connectAuthEmulator, getAuth } from "firebase/auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { publicEnv, serverEmulatorTargets } from "@/lib/env";
import { SESSION_COOKIE } from "./session-cookie";

export interface ServerUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  admin: boolean;
}

/**
 * Who is asking, from the session cookie's ID token, or null when there is no valid token.
 * `initializeServerApp` has Firebase Auth check the token (an expired or forged one signs nobody
 * in), so the claims below are the ones Firebase issued. Once per request (React `cache`).
 */
export const getServerUser = cache(async (): Promise<ServerUser | null> => {
  const authIdToken = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!authIdToken) return null;
  const app = initializeServerApp(publicEnv.firebase, { authIdToken });
  const auth = getAuth(app);
  // Must follow getAuth at once: the server app signs the token's user in on the next tick.
  const emulator = serverEmulatorTargets().auth;
  if (emulator) connectAuthEmulator(auth, `http://${emulator}`, { disableWarnings: true });
  try {
    await auth.authStateReady();
    const user = auth.currentUser;
    if (!user) return null;
    const { claims } = await user.getIdTokenResult();
    return { uid: user.uid, email: user.email, displayName: user.displayName, admin: claims.admin === true };
  } catch (error) {
    console.warn("Ignoring a session cookie Firebase Auth did not accept", error);
    return null;
  } finally {
    // Only the identity was needed; a server app per token would otherwise pile up.
    await deleteApp(app);
  }
});
