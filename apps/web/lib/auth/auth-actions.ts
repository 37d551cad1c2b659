import {
  confirmPasswordReset,
  createUserWithEmailAndPassword,
  GoogleAuthProvider,
  sendPasswordResetEmail,
  signInWithEmailAndPassword,
  signInWithPopup,
  signOut as firebaseSignOut,
  updateProfile,
  verifyPasswordResetCode,
} from "firebase/auth";
import { ensureProfile } from "@/lib/account/profile";
import { getClientAuth } from "@/lib/firebase/client-auth";
import { adoptUser, dropUser, publishUser } from "./auth-store";

/**
 * Everything that changes who is signed in. Import it with `await import(...)` from event
 * handlers: it brings Firebase Auth and Firestore. Signing in or up tells the auth store at once
 * (adoptUser), which starts its Auth listener and sets the sign-in hint: until then a visitor's
 * pages have not loaded Firebase Auth at all.
 */

export async function signUpWithEmail(input: {
  displayName: string;
  email: string;
  password: string;
}): Promise<void> {
  const auth = getClientAuth();
  const { user } = await createUserWithEmailAndPassword(auth, input.email, input.password);
  const displayName = input.displayName.trim();
  if (displayName) await updateProfile(user, { displayName });
  await adoptUser(user);
  await ensureProfile({ uid: user.uid, email: user.email, displayName });
}

export async function signInWithEmail(email: string, password: string): Promise<void> {
  const { user } = await signInWithEmailAndPassword(getClientAuth(), email, password);
  await adoptUser(user);
  await ensureProfile(user);
}

export async function signInWithGoogle(): Promise<void> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  const { user } = await signInWithPopup(getClientAuth(), provider);
  await adoptUser(user);
  await ensureProfile(user);
}

export async function signOut(): Promise<void> {
  await firebaseSignOut(getClientAuth());
  await dropUser();
}

/** The link in the email leads back to /reset-password, which finishes the reset. */
export async function requestPasswordReset(email: string): Promise<void> {
  await sendPasswordResetEmail(getClientAuth(), email, {
    url: `${window.location.origin}/sign-in`,
  });
}

/** The email address a reset code belongs to; throws when the code is expired or used. */
export async function checkResetCode(code: string): Promise<string> {
  return verifyPasswordResetCode(getClientAuth(), code);
}

export async function resetPassword(code: string, newPassword: string): Promise<void> {
  await confirmPasswordReset(getClientAuth(), code, newPassword);
}

export async function updateDisplayName(displayName: string): Promise<void> {
  const user = getClientAuth().currentUser;
  if (!user) return;
  await updateProfile(user, { displayName });
  publishUser(user);
}

export async function updatePhotoURL(photoURL: string): Promise<void> {
  const user = getClientAuth().currentUser;
  if (!user) return;
  await updateProfile(user, { photoURL });
  publishUser(user);
}

/** Fetches a fresh ID token, so claims granted since sign-in (e.g. admin) take effect now. */
export async function refreshClaims(): Promise<void> {
  await getClientAuth().currentUser?.getIdToken(true);
}
