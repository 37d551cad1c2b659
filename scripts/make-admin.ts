import { parseArgs } from "node:util";
import { applicationDefault, deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getAuth, type UserRecord } from "firebase-admin/auth";
import { userSchema } from "@hearth/domain";
import { TargetError, assertEmulatorsRunning, isDemoProject, useEmulators } from "./seed/env";

const usage = `Usage: npm run make-admin -- <email> [--project <project-id>]

Gives the user with this email the custom claim {admin: true}, keeping any other
claims. The user must already exist (sign up in the store first, or npm run seed).

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
    await assertEmulatorsRunning(target, ["auth"]);
    return {
      app: initializeApp({ projectId: target.projectId }, "make-admin"),
      where: `${target.projectId} (Auth emulator at ${target.hosts.auth})`,
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
    await getAuth(app).setCustomUserClaims(user.uid, claims);
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
