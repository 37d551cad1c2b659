// Import this FIRST in tests that run handlers directly: functions/src/admin.ts reuses the
// default app, so the handlers talk to SAGA_PROJECT, where no emulated trigger fires.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { SAGA_PROJECT } from "./emulators";
import { readFunctionsFile } from "./function-env";

// The params the Functions emulator would load from functions/.env.demo-hearth.
for (const [key, value] of Object.entries(readFunctionsFile(".env.demo-hearth"))) process.env[key] ??= value;

const app =
  getApps().find((candidate) => candidate.name === "[DEFAULT]") ?? initializeApp({ projectId: SAGA_PROJECT });
if (app.options.projectId !== SAGA_PROJECT) throw new Error(`Default app points at ${app.options.projectId}`);

export const db = getFirestore(app);
