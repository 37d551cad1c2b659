import { getStorage } from "firebase-admin/storage";
import { app } from "../admin";

/** The default bucket comes from FIREBASE_CONFIG (production and the emulator alike). */
export const storage = getStorage(app);
