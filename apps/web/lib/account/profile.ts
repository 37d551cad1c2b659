import { addressSchema, userSchema, type Address } from "@hearth/domain";
import {
  doc,
  getDoc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  updateDoc,
  type DocumentReference,
} from "firebase/firestore";
import { z } from "zod";
import { getClientFirestore } from "@/lib/firebase/client-firestore";

/**
 * users/{uid} from the browser. Loaded with `await import(...)`: it brings Firestore along.
 * Writes have exactly the shape firestore.rules' validUser allows.
 */

export type Profile = { displayName: string; email: string | null; defaultAddress: Address | null };

// createdAt is a pending server timestamp (null) in the owner's first local snapshot.
const storedProfileSchema = z.object({
  displayName: userSchema.shape.displayName,
  email: z.string().optional(),
  defaultAddress: addressSchema.nullable(),
});

function profileRef(uid: string): DocumentReference {
  return doc(getClientFirestore(), "users", uid);
}

/** Creates users/{uid} at sign-up (or the first sign-in with Google); leaves an existing one alone. */
export async function ensureProfile(account: {
  uid: string;
  email: string | null;
  displayName: string | null;
}): Promise<void> {
  const ref = profileRef(account.uid);
  if ((await getDoc(ref)).exists()) return;
  await setDoc(ref, {
    displayName: (account.displayName ?? "").trim().slice(0, 80),
    createdAt: serverTimestamp(),
    defaultAddress: null,
    ...(account.email ? { email: account.email } : {}),
  });
}

export type ProfileEvent = { kind: "missing" } | { kind: "profile"; profile: Profile } | { kind: "error" };

/** The owner's profile, live. */
export function watchProfile(uid: string, onEvent: (event: ProfileEvent) => void): () => void {
  return onSnapshot(
    profileRef(uid),
    (snapshot) => {
      if (!snapshot.exists()) return onEvent({ kind: "missing" });
      const parsed = storedProfileSchema.safeParse(snapshot.data());
      if (!parsed.success) {
        console.warn(`users/${uid} does not match the profile schema`, z.prettifyError(parsed.error));
        return onEvent({ kind: "error" });
      }
      const { displayName, email, defaultAddress } = parsed.data;
      onEvent({ kind: "profile", profile: { displayName, email: email ?? null, defaultAddress } });
    },
    (error) => {
      console.warn("Could not read the profile", error);
      onEvent({ kind: "error" });
    },
  );
}

/** Saves the editable fields; createdAt and email stay as they are (the rules require it). */
export async function saveProfile(
  uid: string,
  fields: { displayName: string; defaultAddress: Address | null },
): Promise<void> {
  await updateDoc(profileRef(uid), fields);
}
