import { getAuth } from "firebase-admin/auth";
import { app } from "./admin";

// Apart from admin.ts: loading firebase-admin/auth costs a cold start ~70 ms, and few functions
// need it (the shopper's email, admin claims).
export const auth = getAuth(app);
