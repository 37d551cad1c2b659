import { FirebaseError } from "firebase/app";
import { describe, expect, it } from "vitest";
import { describeCallableError } from "../lib/admin/callable-error";

describe("describeCallableError", () => {
  it("shows the server's sentence without the SDK's status suffix", () => {
    const error = new FirebaseError(
      "functions/already-exists",
      'Another product already uses the slug "mug". [409]',
    );
    expect(describeCallableError(error)).toBe('Another product already uses the slug "mug".');
  });

  it("falls back to a sentence per code when the server gave none", () => {
    expect(describeCallableError(new FirebaseError("functions/internal", "INTERNAL [500]"))).toBe(
      "Something went wrong on the server. Try again.",
    );
    expect(
      describeCallableError(
        new FirebaseError("functions/permission-denied", "Backend error status: PERMISSION_DENIED [403]"),
      ),
    ).toBe("Only the shop's admins can do this.");
    expect(describeCallableError(new Error("boom"))).toBe("Something went wrong. Try again.");
  });
});
