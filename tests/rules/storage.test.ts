import { describe, expect, it } from "vitest";
import { assertFails, assertSucceeds, type RulesTestContext } from "@firebase/rules-unit-testing";
import { deleteObject, getBytes, getMetadata, list, listAll, ref, uploadBytes } from "firebase/storage";
import { bucket, useRulesEnv } from "./setup";

const h = useRulesEnv();
const MiB = 1024 * 1024;

const bytes = (size = 16): Uint8Array => new Uint8Array(size).fill(7);
const upload = (context: RulesTestContext, path: string, contentType: string, size = 16) =>
  uploadBytes(ref(bucket(context), path), bytes(size), { contentType });
const at = (context: RulesTestContext, path: string) => ref(bucket(context), path);
const seedFile = (path: string, contentType = "image/webp") =>
  h.seedStorage((storage) => uploadBytes(ref(storage, path), bytes(), { contentType }));

describe("products/{productId}/original (admin uploads)", () => {
  const original = "products/mug/original/mug.jpg";

  it.each(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"])(
    "lets an admin upload a %s original",
    async (contentType) => {
      await assertSucceeds(upload(h.admin(), original, contentType));
    },
  );

  it("lets an admin replace, read and delete an original", async () => {
    await seedFile(original, "image/jpeg");
    const admin = h.admin();
    await assertSucceeds(upload(admin, original, "image/png"));
    await assertSucceeds(getMetadata(at(admin, original)));
    await assertSucceeds(getBytes(at(admin, original)));
    await assertSucceeds(deleteObject(at(admin, original)));
  });

  it("accepts an original just under 20 MiB and rejects one of 20 MiB", async () => {
    await assertSucceeds(upload(h.admin(), original, "image/jpeg", 20 * MiB - 1));
    await assertFails(upload(h.admin(), "products/mug/original/big.jpg", "image/jpeg", 20 * MiB));
  });

  it.each(["image/svg+xml", "text/html", "application/pdf", "image/jpeg-fake"])(
    "rejects an admin upload of type %s",
    async (contentType) => {
      await assertFails(upload(h.admin(), original, contentType));
    },
  );

  it("keeps originals from shoppers, forged admin claims and signed-out visitors", async () => {
    await seedFile(original, "image/jpeg");
    const forged = h.shopper("mallory", { admin: "true" });
    for (const context of [h.shopper("alice"), forged, h.signedOut()]) {
      await assertFails(upload(context, "products/mug/original/new.jpg", "image/jpeg"));
      await assertFails(getBytes(at(context, original)));
      await assertFails(deleteObject(at(context, original)));
    }
  });
});

describe("products/{productId}/images (derived by functions, public)", () => {
  const derived = "products/mug/images/card.webp";

  it("lets anyone, signed out too, read a derived image", async () => {
    await seedFile(derived);
    await assertSucceeds(getBytes(at(h.signedOut(), derived)));
    await assertSucceeds(getMetadata(at(h.shopper("alice"), derived)));
  });

  it("lets no client write or delete a derived image, admins included", async () => {
    await seedFile(derived);
    for (const context of [h.admin(), h.shopper("alice"), h.signedOut()]) {
      await assertFails(upload(context, derived, "image/webp"));
      await assertFails(upload(context, "products/mug/images/new.webp", "image/webp"));
      await assertFails(deleteObject(at(context, derived)));
    }
  });
});

describe("reports (admins read, functions write)", () => {
  const report = "reports/2026-01-31.csv";

  it("lets admins read a report, nobody else", async () => {
    await seedFile(report, "text/csv");
    await assertSucceeds(getBytes(at(h.admin(), report)));
    await assertFails(getBytes(at(h.shopper("alice"), report)));
    await assertFails(getBytes(at(h.signedOut(), report)));
  });

  it("lets no client write or delete a report, admins included", async () => {
    await seedFile(report, "text/csv");
    await assertFails(upload(h.admin(), "reports/2026-02-01.csv", "text/csv"));
    await assertFails(deleteObject(at(h.admin(), report)));
  });
});

describe("users/{uid}/avatar", () => {
  const avatar = "users/alice/avatar/me.png";

  it("lets the owner upload, replace and delete their avatar", async () => {
    const alice = h.shopper("alice");
    await assertSucceeds(upload(alice, avatar, "image/png", 2 * MiB - 1));
    await assertSucceeds(upload(alice, avatar, "image/webp"));
    await assertSucceeds(deleteObject(at(alice, avatar)));
  });

  it("lets anyone, signed out too, read an avatar", async () => {
    await seedFile(avatar, "image/png");
    await assertSucceeds(getBytes(at(h.signedOut(), avatar)));
  });

  it("rejects an avatar of 2 MiB or one that is not an allowed image", async () => {
    const alice = h.shopper("alice");
    await assertFails(upload(alice, avatar, "image/png", 2 * MiB));
    await assertFails(upload(alice, avatar, "application/pdf"));
    await assertFails(upload(alice, avatar, "image/svg+xml"));
  });

  it("keeps other shoppers and signed-out visitors from writing or deleting it", async () => {
    await seedFile(avatar, "image/png");
    for (const context of [h.shopper("bob"), h.signedOut()]) {
      await assertFails(upload(context, avatar, "image/png"));
      await assertFails(upload(context, "users/alice/avatar/new.png", "image/png"));
      await assertFails(deleteObject(at(context, avatar)));
    }
  });
});

describe("any other path", () => {
  it("is denied, admins and owners included", async () => {
    await assertFails(upload(h.admin(), "misc/logo.png", "image/png"));
    await assertFails(upload(h.shopper("alice"), "users/alice/documents/id.png", "image/png"));
    await assertFails(upload(h.admin(), "products/mug/mug.png", "image/png"));
  });
});

describe("listing a folder (governed by the rules of the files in it)", () => {
  it("lets anyone, signed out too, list a product's derived images", async () => {
    await seedFile("products/p1/images/card.webp");
    const listing = await assertSucceeds(listAll(at(h.signedOut(), "products/p1/images")));
    expect(listing.items.map((item) => item.name)).toEqual(["card.webp"]);
    await assertSucceeds(list(at(h.shopper("alice"), "products/p1/images"), { maxResults: 10 }));
  });

  it("lets admins list a product's originals, not shoppers or signed-out visitors", async () => {
    await seedFile("products/p1/original/p1.jpg", "image/jpeg");
    await assertSucceeds(listAll(at(h.admin(), "products/p1/original")));
    await assertFails(listAll(at(h.shopper("alice"), "products/p1/original")));
    await assertFails(listAll(at(h.signedOut(), "products/p1/original")));
  });

  it("lets admins list the reports, nobody else", async () => {
    await seedFile("reports/2026-01-31.csv", "text/csv");
    await assertSucceeds(listAll(at(h.admin(), "reports")));
    await assertFails(listAll(at(h.shopper("alice"), "reports")));
    await assertFails(listAll(at(h.signedOut(), "reports")));
  });

  it("lets anyone list a user's avatar folder, since avatars are public", async () => {
    await seedFile("users/bob/avatar/me.png", "image/png");
    await assertSucceeds(listAll(at(h.shopper("alice"), "users/bob/avatar")));
    await assertSucceeds(listAll(at(h.signedOut(), "users/bob/avatar")));
  });

  it("denies listing a folder no file rule covers, admins included", async () => {
    await seedFile("products/p1/images/card.webp");
    await assertFails(listAll(at(h.admin(), "products/p1")));
    await assertFails(listAll(at(h.admin(), "users/bob")));
    await assertFails(listAll(at(h.admin(), "")));
  });
});
