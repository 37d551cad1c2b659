import { adminRecordSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { callFunction, idTokenFor } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
});

const claimsOf = async (uid: string) => (await auth.getUser(uid)).customClaims ?? {};
const registry = async () => (await db.collection("admins").get()).docs.map((doc) => doc.id).sort();

describe("adminSetAdmin and adminListAdmins", () => {
  it("grants the claim by email, keeps other claims and registers both admins", async () => {
    // The first admin holds the claim without a registration, as the seed leaves it.
    const root = await idTokenFor(auth, "root", { admin: true });
    await idTokenFor(auth, "ada");
    await auth.setCustomUserClaims("ada", { tier: "gold" });

    const granted = await callFunction("adminSetAdmin", { email: " ADA@example.test ", admin: true }, root);

    expect(granted.result).toEqual({ uid: "ada", email: "ada@example.test", admin: true, changed: true });
    expect(await claimsOf("ada")).toEqual({ tier: "gold", admin: true });
    expect(await registry()).toEqual(["ada", "root"]);
    expect(adminRecordSchema.parse((await db.doc("admins/ada").get()).data())).toMatchObject({
      email: "ada@example.test",
      grantedBy: "root",
      source: "callable",
    });
    expect(adminRecordSchema.parse((await db.doc("admins/root").get()).data())).toMatchObject({
      grantedBy: null,
      source: "existing-claim",
    });

    const again = await callFunction("adminSetAdmin", { email: "ada@example.test", admin: true }, root);
    expect(again.result).toMatchObject({ admin: true, changed: false });

    const listed = await callFunction("adminListAdmins", null, root);
    expect(listed.result).toEqual({
      admins: [
        {
          uid: "ada",
          email: "ada@example.test",
          grantedAt: expect.any(String),
          grantedBy: "root",
          source: "callable",
        },
        {
          uid: "root",
          email: "root@example.test",
          grantedAt: expect.any(String),
          grantedBy: null,
          source: "existing-claim",
        },
      ],
    });
  });

  it("explains an unknown email and bad input", async () => {
    const root = await idTokenFor(auth, "root", { admin: true });

    const missing = await callFunction("adminSetAdmin", { email: "nobody@example.test", admin: true }, root);
    expect(missing.error).toEqual({
      status: "NOT_FOUND",
      message: "No account uses nobody@example.test; they need to sign up first",
    });
    for (const data of [
      { email: "nobody", admin: true },
      { email: "a@b.test" },
      { email: "a@b.test", admin: 1 },
    ]) {
      expect((await callFunction("adminSetAdmin", data, root)).error?.status).toBe("INVALID_ARGUMENT");
    }
  });

  it("refuses to revoke the last admin, then lets one go once another is granted", async () => {
    const root = await idTokenFor(auth, "root", { admin: true });
    await idTokenFor(auth, "ada");

    const alone = await callFunction("adminSetAdmin", { email: "root@example.test", admin: false }, root);
    expect(alone.error).toEqual({
      status: "FAILED_PRECONDITION",
      message:
        "root@example.test is the last admin; make another account an admin before revoking your own access",
    });
    expect(await claimsOf("root")).toEqual({ admin: true });

    await callFunction("adminSetAdmin", { email: "ada@example.test", admin: true }, root);
    const stepDown = await callFunction("adminSetAdmin", { email: "root@example.test", admin: false }, root);

    expect(stepDown.result).toEqual({ uid: "root", email: "root@example.test", admin: false, changed: true });
    expect(await claimsOf("root")).toEqual({});
    expect(await registry()).toEqual(["ada"]);
    const notAdmin = await callFunction(
      "adminSetAdmin",
      { email: "nobody-else@example.test", admin: false },
      root,
    );
    expect(notAdmin.error?.status).toBe("PERMISSION_DENIED");
  });

  it("refuses a caller whose claim was revoked while their token still carries it", async () => {
    const root = await idTokenFor(auth, "root", { admin: true });
    const ada = await idTokenFor(auth, "ada", { admin: true });
    await callFunction("adminSetAdmin", { email: "ada@example.test", admin: true }, root);
    await callFunction("adminSetAdmin", { email: "ada@example.test", admin: false }, root);
    expect(await claimsOf("ada")).toEqual({});

    const stale = await callFunction("adminSetAdmin", { email: "root@example.test", admin: false }, ada);

    expect(stale.error).toEqual({
      status: "PERMISSION_DENIED",
      message: "Your admin access has been revoked; sign out and sign in again",
    });
    expect((await callFunction("adminListAdmins", null, ada)).error?.status).toBe("PERMISSION_DENIED");
    expect(await claimsOf("root")).toEqual({ admin: true });
  });

  it("reports a revoke of an account that is not an admin as no change", async () => {
    const root = await idTokenFor(auth, "root", { admin: true });
    await idTokenFor(auth, "bob");

    const result = await callFunction("adminSetAdmin", { email: "bob@example.test", admin: false }, root);

    expect(result.result).toEqual({ uid: "bob", email: "bob@example.test", admin: false, changed: false });
  });
});
