import type { Auth, UserRecord } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { userSchema, type Address } from "@hearth/domain";
import accounts from "./accounts.json";

export type DemoAccount = (typeof accounts)[keyof typeof accounts];
export const demoAccounts: readonly DemoAccount[] = [accounts.admin, accounts.shopper];

const shopperAddress: Address = {
  name: accounts.shopper.displayName,
  line1: "42 Juniper Lane",
  line2: "Apt 3",
  city: "Portland",
  postalCode: "97205",
  country: "US",
};

function isUserNotFound(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && error.code === "auth/user-not-found"
  );
}

async function findUser(auth: Auth, email: string): Promise<UserRecord | null> {
  try {
    return await auth.getUserByEmail(email);
  } catch (error) {
    if (isUserNotFound(error)) return null;
    throw error;
  }
}

/**
 * Creates or resets one demo account: password, name and the admin claim as the seed defines them
 * (other custom claims are kept), plus its users/{uid} profile.
 */
async function upsertAccount(auth: Auth, db: Firestore, account: DemoAccount): Promise<string> {
  const profile = { email: account.email, password: account.password, displayName: account.displayName };
  const existing = await findUser(auth, account.email);
  const user = existing
    ? await auth.updateUser(existing.uid, { ...profile, emailVerified: true, disabled: false })
    : await auth.createUser({ uid: account.uid, ...profile, emailVerified: true });

  const { admin: _admin, ...otherClaims } = user.customClaims ?? {};
  await auth.setCustomUserClaims(user.uid, account.admin ? { ...otherClaims, admin: true } : otherClaims);

  const doc = userSchema.parse({
    displayName: account.displayName,
    email: account.email,
    createdAt: new Date(user.metadata.creationTime),
    defaultAddress: account.admin ? null : shopperAddress,
  });
  await db.doc(`users/${user.uid}`).set(doc);
  return user.uid;
}

export async function seedUsers(auth: Auth, db: Firestore): Promise<Map<string, string>> {
  const uids = new Map<string, string>();
  for (const account of demoAccounts) uids.set(account.email, await upsertAccount(auth, db, account));
  return uids;
}
