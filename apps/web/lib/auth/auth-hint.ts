import { SESSION_COOKIE } from "./session-cookie";

/**
 * Whether this browser may hold a signed-in account, known without loading Firebase Auth (~46 kB
 * compressed with @firebase/app), so that visitors who never signed in do not download it.
 *
 * - `hearth:signed-in` in localStorage: written whenever the store publishes a signed-in account
 *   (sign-in, sign-up, every page view of a signed-in account) and removed when it publishes
 *   nobody (sign-out, a session Firebase no longer accepts). It is not a secret and grants
 *   nothing: it only decides whether to load Auth, which then says who is signed in.
 * - the `__session` cookie (session-cookie.ts), which holds the ID token for at most an hour.
 * - for sessions from before the flag existed, or a flag lost with the rest of localStorage:
 *   Firebase Auth's own persisted user (`firebase:authUser:…` in its IndexedDB database, or in
 *   localStorage where IndexedDB is unavailable), looked for after hydration (see auth-store.ts).
 */
export const SIGN_IN_HINT_KEY = "hearth:signed-in";

/** The synchronous part: the flag or the cookie. */
export function hasSignInHint(): boolean {
  try {
    if (window.localStorage.getItem(SIGN_IN_HINT_KEY) === "1") return true;
  } catch {
    // Storage disabled: the cookie may still tell.
  }
  return document.cookie.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

export function setSignInHint(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(SIGN_IN_HINT_KEY, "1");
    else window.localStorage.removeItem(SIGN_IN_HINT_KEY);
  } catch {
    // Storage disabled: Auth then loads only when the shopper signs in on this page.
  }
}

// Firebase Auth's persistence (@firebase/auth, indexed_db.ts and persistence keys).
const AUTH_DB = "firebaseLocalStorageDb";
const AUTH_STORE = "firebaseLocalStorage";
const USER_KEY_PREFIX = "firebase:authUser:";

function inLocalStorage(): boolean {
  try {
    for (let index = 0; index < window.localStorage.length; index++) {
      if (window.localStorage.key(index)?.startsWith(USER_KEY_PREFIX)) return true;
    }
  } catch {
    // Storage disabled.
  }
  return false;
}

function inIndexedDb(): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.open(AUTH_DB);
    // The database was there a moment ago; if it is gone, do not create it (Auth would find a
    // database without its object store).
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(false);
    request.onblocked = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      const done = (found: boolean) => {
        db.close();
        resolve(found);
      };
      try {
        if (!db.objectStoreNames.contains(AUTH_STORE)) return done(false);
        const keys = db.transaction(AUTH_STORE, "readonly").objectStore(AUTH_STORE).getAllKeys();
        keys.onsuccess = () =>
          done(keys.result.some((key) => typeof key === "string" && key.startsWith(USER_KEY_PREFIX)));
        keys.onerror = () => done(false);
      } catch {
        done(false);
      }
    };
  });
}

/**
 * Whether Firebase Auth has persisted a signed-in user in this browser, read without loading it.
 * Browsers without `indexedDB.databases()` (older Firefox) answer from localStorage only: opening
 * the database to find out would create it for every visitor.
 */
export async function hasPersistedAuthUser(): Promise<boolean> {
  if (inLocalStorage()) return true;
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return false;
  try {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === AUTH_DB)) return false;
    return await inIndexedDb();
  } catch {
    return false;
  }
}
