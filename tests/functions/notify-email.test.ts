import { db } from "./support/saga-app";
import type { Auth } from "firebase-admin/auth";
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "../../functions/src/admin-auth";
import { emailLookup, notifyStatusChange } from "../../functions/src/notifications/notify-status-change";
import { applyTransition } from "../../functions/src/orders/apply-transition";
import { clearAuth, clearFirestore, SAGA_PROJECT } from "./support/emulators";
import { reservedOrder } from "./support/saga-flow";
import { seedProduct, seedStore } from "./support/seed";

const UID = "shopper-1";

/** Auth whose getUser fails the way a flaky backend does (FirebaseAuthError codes). */
function failingAuth(code: string): Pick<Auth, "getUser"> {
  return {
    getUser: async () => {
      throw Object.assign(new Error(`getUser failed: ${code}`), { code });
    },
  };
}

beforeEach(async () => {
  await Promise.all([clearFirestore(SAGA_PROJECT), clearAuth(SAGA_PROJECT)]);
  await seedStore(db);
  await seedProduct(db, "mug", { stock: 10 });
});

describe("emailLookup", () => {
  it("reads the Auth account's email when the profile has none, and null only for a missing user", async () => {
    await auth.createUser({ uid: UID, email: "ada@example.test" });
    const lookup = emailLookup(db, auth);

    await expect(lookup(UID)).resolves.toBe("ada@example.test");
    await expect(lookup("nobody")).resolves.toBeNull();
  });

  it("throws a transient Auth failure instead of answering 'no email'", async () => {
    const lookup = emailLookup(db, failingAuth("auth/internal-error"));
    await expect(lookup(UID)).rejects.toThrow("auth/internal-error");
    await expect(emailLookup(db, failingAuth("auth/user-not-found"))(UID)).resolves.toBeNull();
  });

  it("leaves nothing written when Auth fails, so the retried trigger sends the notification with its mail", async () => {
    const orderId = await reservedOrder(db, "mug", 1);
    await applyTransition(db, { orderId, event: "cancelled", actor: { type: "user", id: UID } });

    await expect(
      notifyStatusChange(db, orderId, "cancelled", emailLookup(db, failingAuth("auth/internal-error"))),
    ).rejects.toThrow();
    expect((await db.doc(`users/${UID}/notifications/${orderId}_cancelled`).get()).exists).toBe(false);

    await auth.createUser({ uid: UID, email: "ada@example.test" });
    await expect(notifyStatusChange(db, orderId, "cancelled", emailLookup(db, auth))).resolves.toBe("sent");
    const mail = await db.doc(`mail/${orderId}_cancelled`).get();
    expect(mail.get("to")).toBe("ada@example.test");
  });
});
