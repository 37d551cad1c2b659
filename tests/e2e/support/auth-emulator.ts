import { getAuth } from "firebase-admin/auth";
import { Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { adminApp, adminFirestore } from "./admin";
import { emulatorHost, PROJECT_ID } from "./emulators";

export type TestAccount = { uid: string; email: string; password: string; displayName: string };

function authEmulatorUrl(path: string): string {
  return `http://${emulatorHost("FIREBASE_AUTH_EMULATOR_HOST")}/emulator/v1/projects/${PROJECT_ID}/${path}`;
}

/** Deletes every account in the Auth emulator. */
export async function clearAuth(): Promise<void> {
  const response = await fetch(authEmulatorUrl("accounts"), { method: "DELETE" });
  if (!response.ok) throw new Error(`Clearing Auth failed: ${response.status} ${await response.text()}`);
}

/** An email/password account and its users/{uid} profile, as sign-up leaves them. */
export async function createAccount(
  email: string,
  password: string,
  displayName: string,
): Promise<TestAccount> {
  const { uid } = await getAuth(adminApp()).createUser({ email, password, displayName });
  await adminFirestore()
    .doc(`users/${uid}`)
    .set({ displayName, email, createdAt: Timestamp.now(), defaultAddress: null });
  return { uid, email, password, displayName };
}

const oobCodesSchema = z.object({
  oobCodes: z
    .array(z.object({ email: z.string(), oobCode: z.string(), requestType: z.string() }))
    .default([]),
});

/** The newest password reset code the Auth emulator recorded for `email`, or null. */
export async function passwordResetCode(email: string): Promise<string | null> {
  const response = await fetch(authEmulatorUrl("oobCodes"));
  if (!response.ok) throw new Error(`Reading OOB codes failed: ${response.status}`);
  const { oobCodes } = oobCodesSchema.parse(await response.json());
  const codes = oobCodes.filter((code) => code.email === email && code.requestType === "PASSWORD_RESET");
  return codes.at(-1)?.oobCode ?? null;
}

/** Writes users/{uid}/notifications/{id} as the functions do. */
export async function seedNotification(
  uid: string,
  id: string,
  fields: { title: string; body: string; read?: boolean; orderId?: string | null; minutesAgo?: number },
): Promise<void> {
  await adminFirestore()
    .doc(`users/${uid}/notifications/${id}`)
    .set({
      title: fields.title,
      body: fields.body,
      orderId: fields.orderId ?? null,
      read: fields.read ?? false,
      createdAt: Timestamp.fromMillis(Date.now() - (fields.minutesAgo ?? 0) * 60_000),
    });
}

/** An account with the `admin` custom claim, as `npm run make-admin` leaves it. */
export async function createAdminAccount(
  email: string,
  password: string,
  displayName: string,
): Promise<TestAccount> {
  const account = await createAccount(email, password, displayName);
  await getAuth(adminApp()).setCustomUserClaims(account.uid, { admin: true });
  return account;
}
