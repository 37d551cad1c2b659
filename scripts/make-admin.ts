import { parseArgs } from "node:util";
import { applicationDefault, deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type UserRecord } from "firebase-admin/auth";
import { FieldValue, getFirestore } from "firebase-admin/firestore";
import { ADMINS, adminRecordSchema, userSchema } from "@hearth/domain";
import { TargetError, assertEmulatorsRunning, isDemoProject, useEmulators } from "./seed/env";

const usage = `Usage: npm run make-admin -- <email> [--project <project-id>]

Gives the user with this email the custom claim {admin: true}, keeping any other
claims, and registers them in Firestore's admins/{uid} (the registry the admin
callables count, so the last admin is never revoked). The user must already
exist (sign up in the store first, or npm run seed). Admins revoke admins from
the back office (the adminSetAdmin callable).

Without --project (or with a demo- project) it talks to the local emulators: the
hosts in FIREBASE_AUTH_EMULATOR_HOST etc. when set, otherwise firebase.json's ports.

With --project <id> of a real project it talks to production using Application
Default Credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key
file, or run \`gcloud auth application-default login\`. No emulator hosts are set
in that case (unset FIREBASE_AUTH_EMULATOR_HOST if your shell has it).

The claim takes effect when the user's ID token refreshes: sign out and in again.`;

class UsageError extends Error {}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}

async function connect(project: string | undefined): Promise<{ app: App; where: string }> {
  if (project === undefined || isDemoProject(project)) {
    const target = useEmulators(project);
    await assertEmulatorsRunning(target, ["auth", "firestore"]);
    return {
      app: initializeApp({ projectId: target.projectId }, "make-admin"),
      where: `${target.projectId} (Auth emulator at ${target.hosts.auth}, Firestore at ${target.hosts.firestore})`,
    };
  }
  const emulator = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  return {
    app: initializeApp({ projectId: project, credential: applicationDefault() }, "make-admin"),
    where: emulator ? `${project} (Auth emulator at ${emulator}, from FIREBASE_AUTH_EMULATOR_HOST)` : project,
  };
}

async function findUser(app: App, email: string, where: string): Promise<UserRecord> {
  try {
    return await getAuth(app).getUserByEmail(email);
  } catch (error) {
    const code = errorCode(error);
    if (code === "auth/user-not-found") {
      throw new UsageError(`No user with email ${email} in ${where}. They need to sign up first.`);
    }
    if (code === "app/invalid-credential" || code === "auth/invalid-credential") {
      throw new UsageError(
        `Could not authenticate to ${where}: set GOOGLE_APPLICATION_CREDENTIALS or run ` +
          "`gcloud auth application-default login`.",
      );
    }
    throw error;
  }
}

/** admins/{uid}, unless the user is registered already (their first grant is kept). */
async function register(app: App, user: UserRecord): Promise<void> {
  const db = getFirestore(app);
  const ref = db.collection(ADMINS).doc(user.uid);
  const record = adminRecordSchema.parse({
    email: user.email ?? null,
    grantedAt: new Date(),
    grantedBy: null,
    source: "make-admin",
  });
  await db.runTransaction(async (tx) => {
    if (!(await tx.get(ref)).exists) tx.create(ref, { ...record, grantedAt: FieldValue.serverTimestamp() });
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { project: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) {
    throw new UsageError(
      `${positionals.length === 0 ? "Missing the user's email" : "Expected exactly one email"}.\n\n${usage}`,
    );
  }
  const parsedEmail = userSchema.shape.email.safeParse(positionals[0]?.trim());
  if (!parsedEmail.success) throw new UsageError(`"${positionals[0]}" is not a valid email address.`);
  const email = parsedEmail.data;

  const { app, where } = await connect(values.project);
  try {
    const user = await findUser(app, email, where);
    const claims = { ...user.customClaims, admin: true };
    const already = user.customClaims?.admin === true;
    // The claim first, as adminSetAdmin does: a failure in between leaves an admin the registry
    // does not count, which only makes the last-admin check stricter.
    await getAuth(app).setCustomUserClaims(user.uid, claims);
    await register(app, user);
    console.log(
      `${already ? "Already an admin" : "Made admin"}: ${email} (uid ${user.uid}) in ${where}\n` +
        `Custom claims now: ${JSON.stringify(claims)}\n` +
        "The claim applies once the user's ID token refreshes: sign out and sign in again.",
    );
  } finally {
    await deleteApp(app);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof TargetError)
    console.error(`make-admin: ${error.message}`);
  else console.error("make-admin failed:", error);
  process.exit(1);
});
