// Issue 9, "Access", through storage.rules: the same matrix as access-matrix.test.ts, for files.
import { beforeEach, describe, it } from "vitest";
import {
  deleteObject,
  getBytes,
  getDownloadURL,
  getMetadata,
  listAll,
  ref,
  updateMetadata,
  uploadBytes,
  type FirebaseStorage,
} from "firebase/storage";
import { attempt, expectOnly, type Attempt, type Caller } from "./access-world";
import { bucket, useRulesEnv } from "./setup";

const h = useRulesEnv();
const MiB = 1024 * 1024;

const AVATAR = "users/alice/avatar/me.png";
const ORIGINAL = "products/mug/original/mug.jpg";
const DERIVED = "products/mug/images/card.webp";
const REPORT = "reports/2026-01-31.csv";

beforeEach(() =>
  h.seedStorage(async (storage) => {
    const seeded: [string, string][] = [
      [AVATAR, "image/png"],
      [ORIGINAL, "image/jpeg"],
      [DERIVED, "image/webp"],
      [REPORT, "text/csv"],
    ];
    for (const [path, contentType] of seeded) {
      await uploadBytes(ref(storage, path), new Uint8Array(16).fill(7), { contentType });
    }
  }),
);

type Line = Attempt<FirebaseStorage>;
const line = (
  what: string,
  allowed: readonly Caller[],
  act: (storage: FirebaseStorage) => Promise<unknown>,
) => attempt(what, allowed, act);
const run = (lines: Line[]) =>
  it.each(lines)("$title", async (candidate) => {
    await expectOnly(h, candidate, bucket);
  });

const upload =
  (path: string, contentType: string, size = 16) =>
  (storage: FirebaseStorage) =>
    uploadBytes(ref(storage, path), new Uint8Array(size).fill(1), { contentType });
const setMetadata =
  (path: string, metadata: Parameters<typeof updateMetadata>[1]) => (storage: FirebaseStorage) =>
    updateMetadata(ref(storage, path), metadata);
const remove = (path: string) => (storage: FirebaseStorage) => deleteObject(ref(storage, path));
const read = (path: string) => (storage: FirebaseStorage) => getBytes(ref(storage, path));

describe("another user's avatar", () => {
  run([
    line(`overwrite ${AVATAR}`, ["alice"], upload(AVATAR, "image/png")),
    line("upload users/alice/avatar/new.png", ["alice"], upload("users/alice/avatar/new.png", "image/webp")),
    line(
      `change the cache metadata of ${AVATAR}`,
      ["alice"],
      setMetadata(AVATAR, { cacheControl: "no-store" }),
    ),
    line(`delete ${AVATAR}`, ["alice"], remove(AVATAR)),
    // Avatars are served from our bucket: script in an SVG would run on its origin.
    line(
      `turn ${AVATAR} into an SVG through its metadata`,
      [],
      setMetadata(AVATAR, { contentType: "image/svg+xml" }),
    ),
    line("upload an SVG avatar for alice", [], upload("users/alice/avatar/me.svg", "image/svg+xml")),
    line("upload a 2 MiB avatar for alice", [], upload("users/alice/avatar/big.png", "image/png", 2 * MiB)),
    line(
      "upload users/alice/files/id.png (outside the avatar folder)",
      [],
      upload("users/alice/files/id.png", "image/png"),
    ),
  ]);
});

describe("product images", () => {
  run([
    line(
      "upload products/mug/original/new.jpg",
      ["admin"],
      upload("products/mug/original/new.jpg", "image/jpeg"),
    ),
    line(`overwrite ${ORIGINAL}`, ["admin"], upload(ORIGINAL, "image/png")),
    line(`read ${ORIGINAL}`, ["admin"], read(ORIGINAL)),
    line("list products/mug/original", ["admin"], (storage) =>
      listAll(ref(storage, "products/mug/original")),
    ),
    line(
      `change the metadata of ${ORIGINAL}`,
      ["admin"],
      setMetadata(ORIGINAL, { cacheControl: "no-store" }),
    ),
    line(`delete ${ORIGINAL}`, ["admin"], remove(ORIGINAL)),
    // The derived sizes are the pipeline's, public and trusted by the storefront: no client writes.
    line(`overwrite ${DERIVED}`, [], upload(DERIVED, "image/webp")),
    line("upload products/mug/images/new.webp", [], upload("products/mug/images/new.webp", "image/webp")),
    line(
      `serve ${DERIVED} as HTML through its metadata`,
      [],
      setMetadata(DERIVED, { contentType: "text/html" }),
    ),
    line(`delete ${DERIVED}`, [], remove(DERIVED)),
  ]);
});

describe("report CSVs", () => {
  run([
    line(`read ${REPORT}`, ["admin"], read(REPORT)),
    line(`read the metadata of ${REPORT}`, ["admin"], (storage) => getMetadata(ref(storage, REPORT))),
    line(`get a download URL of ${REPORT}`, ["admin"], (storage) => getDownloadURL(ref(storage, REPORT))),
    line("list reports", ["admin"], (storage) => listAll(ref(storage, "reports"))),
    line("upload reports/2026-02-01.csv", [], upload("reports/2026-02-01.csv", "text/csv")),
    line(`overwrite ${REPORT}`, [], upload(REPORT, "text/csv")),
    line(`change the metadata of ${REPORT}`, [], setMetadata(REPORT, { contentDisposition: "inline" })),
    line(`delete ${REPORT}`, [], remove(REPORT)),
  ]);
});
