import { getApp } from "firebase-admin/app";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { unreadable } from "../support/hostile/readable";
import { callFunction } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { clearAuth, clearFirestore, E2E_PROJECT } from "./support/emulators";
import {
  deleteImageCases,
  downloadCases,
  UNUSABLE_ID_SAVES,
  noInputCases,
  runReportCases,
  saveProductCases,
  setAdminCases,
} from "./support/hostile-admin-callables";
import type { CallCase } from "./support/hostile-callable-inputs";
import { cancelCases, jobCases, refundCases, statusCases } from "./support/hostile-order-callables";
import { seedCallableWorld, worldSnapshot } from "./support/hostile-world";

// Generated inputs for every admin callable, called as an admin through the callable protocol on
// the Functions emulator (issue 9): each gets a canonical error with a readable message, never
// `internal`, and nothing changes anywhere (documents, Storage objects, claims).
const CALLABLES: [name: string, runs: number, seed: number, cases: fc.Arbitrary<CallCase>][] = [
  ["adminCancelOrder", 30, 90501, cancelCases],
  ["adminRefundOrder", 30, 90502, refundCases],
  ["adminUpdateOrderStatus", 35, 90503, statusCases],
  ["runScheduledJobNow", 15, 90504, jobCases],
  ["adminSetAdmin", 30, 90505, setAdminCases],
  ["adminListAdmins", 10, 90506, noInputCases],
  ["adminRunDailyReport", 30, 90507, runReportCases],
  ["adminReportDownloadUrl", 20, 90508, downloadCases],
  ["adminSalesToday", 10, 90509, noInputCases],
  ["adminDeleteProductImage", 25, 90510, deleteImageCases],
  ["adminSaveProduct", 45, 90511, saveProductCases],
];
const TIMEOUT_MS = 300_000;

let adminToken = "";
const snapshot = () => worldSnapshot(db, auth, getApp("e2e"));

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT)]);
  adminToken = await seedCallableWorld(db, auth);
});

describe("admin callables with generated hostile input", () => {
  it.each(CALLABLES)(
    "%s: %i generated inputs each get a canonical refusal with a readable message, nothing written (seed %i)",
    async (name, runs, seed, cases) => {
      await fc.assert(
        fc.asyncProperty(cases, async ({ data, codes }) => {
          // Before each call, so that a case which wrote fails itself, not the ones after it.
          const before = await snapshot();
          const answer = await callFunction(name, data, adminToken);
          expect(answer.error?.status, JSON.stringify(answer).slice(0, 500)).toBeOneOf([...codes]);
          expect(unreadable(answer.error?.message)).toBeNull();
          expect(await snapshot()).toEqual(before);
        }),
        { seed, numRuns: runs },
      );
    },
    TIMEOUT_MS,
  );

  it("adminSaveProduct refuses unusable product and category ids as invalid arguments", async () => {
    for (const data of UNUSABLE_ID_SAVES) {
      const answer = await callFunction("adminSaveProduct", data, adminToken);
      expect(answer.error?.status, JSON.stringify(data)).toBe("INVALID_ARGUMENT");
    }
  });
});
