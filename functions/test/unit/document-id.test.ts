import { describe, expect, it } from "vitest";
import { isUsableDocumentId } from "../../src/orders/document-id";

describe("isUsableDocumentId", () => {
  it("accepts ordinary ids, dots and underscores inside them included", () => {
    for (const id of ["mug", "a.b", "...", "_x_", "__x", "x__", "Ünïcödé", "x".repeat(1500)]) {
      expect(isUsableDocumentId(id), id).toBe(true);
    }
  });

  it("refuses what Firestore refuses", () => {
    for (const id of ["", ".", "..", "a/b", "/", "__x__", "____", "__proto__", "é".repeat(751)]) {
      expect(isUsableDocumentId(id), id).toBe(false);
    }
  });
});
