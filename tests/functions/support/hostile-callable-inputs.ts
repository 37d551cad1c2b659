// Shared pieces of the hostile admin-callable inputs. Each case carries the canonical codes its
// answer may have: malformed input is invalid-argument; well-formed input naming nothing, or a move
// the order's state forbids, gets not-found, failed-precondition or already-exists. Never internal.
import fc from "fast-check";
import { anyValue, blankText, notA, serverOwnedField, unusableId } from "../../support/hostile/values";

export type Code = "INVALID_ARGUMENT" | "NOT_FOUND" | "FAILED_PRECONDITION" | "ALREADY_EXISTS";
export interface CallCase {
  data: unknown;
  codes: readonly Code[];
}

const INVALID: readonly Code[] = ["INVALID_ARGUMENT"];
export const invalid = (data: unknown): CallCase => ({ data, codes: INVALID });
export const refused =
  (codes: readonly Code[]) =>
  (data: unknown): CallCase => ({ data, codes });

/**
 * The wrong type for a field, as it arrives: JSON turns a Date into text, so none are sent; a field
 * left out is its own case. ("@type" values the SDK cannot decode, e.g. an int64 of "NaN", are
 * answered `internal` by firebase-functions itself before any of our code runs.)
 */
export const wrong = (type: "string" | "number" | "boolean" | "object"): fc.Arbitrary<unknown> =>
  notA(type).filter((value) => !(value instanceof Date));

/** The callable protocol's int64 encoding; the SDK decodes "1e400" to Infinity. */
export const int64 = fc
  .constantFrom("1e400", "-1", "12.5", "9007199254740993", "0x10")
  .map((value) => ({ "@type": "type.googleapis.com/google.protobuf.Int64Value", value }));

/** Not an object at all: what a broken client sends as `data` (null, and NaN that JSON sends as null, aside). */
export const notAnObject = fc.oneof(
  wrong("object").filter((value) => JSON.stringify(value) !== "null"),
  int64,
);
// Not "__proto__": the SDK's decoder assigns keys to a plain object, which drops that one.
export const extraKey = fc.tuple(
  fc.oneof(serverOwnedField, fc.constantFrom("uid", "force", "constructor")),
  anyValue,
);
export const withExtra = (data: Record<string, unknown>) =>
  extraKey.filter(([key]) => !(key in data)).map(([key, value]) => invalid({ ...data, [key]: value }));

/** Ids no order or product can have: unusable, blank, too long, or not text. */
export const wellFormedBadId = fc.oneof(
  unusableId.filter((id) => id.trim() !== "" && id.trim() === id),
  fc.constant(""),
  blankText,
  fc.string({ unit: "grapheme-ascii", minLength: 129, maxLength: 200 }),
  fc.integer({ min: 129, max: 140 }).map((n) => "\u{1F375}".repeat(n)),
  wrong("string"),
  int64,
);
/** A lone surrogate: JSON carries it ("\ud800"), but it has no UTF-8 form for Firestore. */
export const LONE_SURROGATE_IDS = ["\ud800", "a\udc00b", "\udbff"];
export const badId = fc.oneof(wellFormedBadId, fc.constantFrom(...LONE_SURROGATE_IDS));
export const unknownId = fc.stringMatching(/^[a-z0-9]{1,20}$/).map((id) => `missing-${id}`);
