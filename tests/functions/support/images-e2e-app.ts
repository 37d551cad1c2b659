import { getApps, initializeApp } from "firebase-admin/app";
import { E2E_PROJECT } from "./emulators";
import { bucketOf } from "./images";

const NAME = "images-e2e";

/** Uploads to this bucket (the demo project's default) fire the real Storage trigger. */
const app =
  getApps().find((candidate) => candidate.name === NAME) ?? initializeApp({ projectId: E2E_PROJECT }, NAME);

export const bucket = bucketOf(app);
