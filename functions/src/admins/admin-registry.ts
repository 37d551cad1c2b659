import { ADMINS, adminRecordSchema, toMillis, type AdminRecord } from "@hearth/domain";
import type { Auth, UserRecord } from "firebase-admin/auth";
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { Refusal } from "./refusal";

export type AdminAuth = Pick<Auth, "getUser" | "getUsers" | "getUserByEmail" | "setCustomUserClaims">;

export interface SetAdminResult {
  uid: string;
  email: string;
  admin: boolean;
  /** False when the account already was (or was not) an admin. */
  changed: boolean;
}

export interface AdminListing {
  uid: string;
  email: string | null;
  /** ISO instant. */
  grantedAt: string;
  grantedBy: string | null;
  source: AdminRecord["source"];
}

const isAdmin = (user: UserRecord): boolean => user.customClaims?.admin === true;

function authCode(error: unknown): string | null {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : null;
}

/**
 * The caller's claim as Auth holds it now. The ID token that let the call through may be up to an
 * hour old, and a revoked admin must not grant or revoke with it.
 */
async function currentAdmin(auth: AdminAuth, uid: string): Promise<UserRecord> {
  const revoked = new Refusal(
    "permission-denied",
    "Your admin access has been revoked; sign out and sign in again",
  );
  try {
    const user = await auth.getUser(uid);
    if (!isAdmin(user)) throw revoked;
    return user;
  } catch (error) {
    if (authCode(error) === "auth/user-not-found") throw revoked;
    throw error;
  }
}

async function userByEmail(auth: AdminAuth, email: string): Promise<UserRecord> {
  try {
    return await auth.getUserByEmail(email);
  } catch (error) {
    if (authCode(error) === "auth/user-not-found")
      throw new Refusal("not-found", `No account uses ${email}; they need to sign up first`);
    throw error;
  }
}

function newRecord(user: UserRecord, grantedBy: string | null, source: AdminRecord["source"]) {
  const record = adminRecordSchema.parse({
    email: user.email ?? null,
    grantedAt: new Date(),
    grantedBy,
    source,
  });
  return { ...record, grantedAt: FieldValue.serverTimestamp() };
}

async function registeredUids(tx: Transaction, db: Firestore): Promise<Set<string>> {
  return new Set((await tx.get(db.collection(ADMINS))).docs.map((doc) => doc.id));
}

/**
 * Admins holding the claim before the registry existed (the seed's, an older make-admin's) are
 * registered the first time they use these callables, after their claim was read from Auth.
 */
function registerIfMissing(
  tx: Transaction,
  db: Firestore,
  registered: Set<string>,
  caller: UserRecord,
): void {
  if (!registered.has(caller.uid))
    tx.create(db.collection(ADMINS).doc(caller.uid), newRecord(caller, null, "existing-claim"));
}

/** How many of these accounts hold the admin claim in Auth now (not as the registry remembers). */
async function countAdmins(auth: AdminAuth, uids: readonly string[]): Promise<number> {
  let count = 0;
  for (let at = 0; at < uids.length; at += 100) {
    const { users } = await auth.getUsers(uids.slice(at, at + 100).map((uid) => ({ uid })));
    count += users.filter(isAdmin).length;
  }
  return count;
}

/**
 * Grants or revokes the admin claim of the account with `email`; the caller must be an admin now.
 *
 * Granting sets the claim, then registers the account: a failure between the two leaves an admin
 * the registry does not count, which only makes the last-admin check stricter. Revoking removes
 * the registration in a transaction that first reads the whole registry and checks that someone
 * registered, besides the account, still holds the claim; it refuses otherwise. Two admins
 * revoking each other at once both read the registry, so one transaction retries, sees the other's
 * change and refuses. The claim is removed after the transaction; the revoked admin's current ID
 * token keeps it until it expires (at most an hour), as with any custom claim.
 */
export async function setAdmin(
  db: Firestore,
  auth: AdminAuth,
  input: { email: string; admin: boolean },
  callerUid: string,
): Promise<SetAdminResult> {
  const caller = await currentAdmin(auth, callerUid);
  const target = await userByEmail(auth, input.email);
  const email = target.email ?? input.email;
  const wasAdmin = isAdmin(target);
  const targetRef = db.collection(ADMINS).doc(target.uid);

  if (input.admin) {
    if (!wasAdmin) await auth.setCustomUserClaims(target.uid, { ...target.customClaims, admin: true });
    await db.runTransaction(async (tx) => {
      const registered = await registeredUids(tx, db);
      if (caller.uid !== target.uid) registerIfMissing(tx, db, registered, caller);
      if (!registered.has(target.uid)) tx.create(targetRef, newRecord(target, caller.uid, "callable"));
    });
    logger.info("Admin granted", { uid: target.uid, by: caller.uid, changed: !wasAdmin });
    return { uid: target.uid, email, admin: true, changed: !wasAdmin };
  }

  await db.runTransaction(async (tx) => {
    const registered = await registeredUids(tx, db);
    const staying = new Set(registered).add(caller.uid);
    staying.delete(target.uid);
    if ((await countAdmins(auth, [...staying])) === 0) {
      throw new Refusal(
        "failed-precondition",
        `${email} is the last admin; make another account an admin before revoking ` +
          (caller.uid === target.uid ? "your own access" : "theirs"),
      );
    }
    if (caller.uid !== target.uid) registerIfMissing(tx, db, registered, caller);
    if (registered.has(target.uid)) tx.delete(targetRef);
  });
  if (wasAdmin) {
    const { admin: _admin, ...otherClaims } = target.customClaims ?? {};
    await auth.setCustomUserClaims(target.uid, otherClaims);
  }
  logger.info("Admin revoked", { uid: target.uid, by: caller.uid, changed: wasAdmin });
  return { uid: target.uid, email, admin: false, changed: wasAdmin };
}

/**
 * The registered accounts that hold the claim now, by email. Registers the caller if they are
 * missing, so the list always includes whoever looks at it.
 */
export async function listAdmins(db: Firestore, auth: AdminAuth, callerUid: string): Promise<AdminListing[]> {
  const caller = await currentAdmin(auth, callerUid);
  await db.runTransaction(async (tx) => {
    const ref = db.collection(ADMINS).doc(caller.uid);
    if (!(await tx.get(ref)).exists) tx.create(ref, newRecord(caller, null, "existing-claim"));
  });
  const snapshot = await db.collection(ADMINS).get();
  const records = new Map<string, AdminRecord>();
  for (const doc of snapshot.docs) {
    const parsed = adminRecordSchema.safeParse(doc.data());
    if (parsed.success) records.set(doc.id, parsed.data);
    else logger.warn("Unreadable admin registration", { uid: doc.id });
  }
  const listings: AdminListing[] = [];
  const uids = [...records.keys()];
  for (let at = 0; at < uids.length; at += 100) {
    const { users } = await auth.getUsers(uids.slice(at, at + 100).map((uid) => ({ uid })));
    for (const user of users.filter(isAdmin)) {
      const record = records.get(user.uid);
      if (!record) continue;
      listings.push({
        uid: user.uid,
        email: user.email ?? record.email,
        grantedAt: new Date(toMillis(record.grantedAt)).toISOString(),
        grantedBy: record.grantedBy,
        source: record.source,
      });
    }
  }
  return listings.sort((a, b) => (a.email ?? a.uid).localeCompare(b.email ?? b.uid));
}
