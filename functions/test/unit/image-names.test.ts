import { describe, expect, it } from "vitest";
import { downloadToken, downloadUrl, storageOrigin } from "../../src/images/download-urls";
import {
  derivedPath,
  derivedPrefix,
  generationOf,
  imageIdFor,
  isLaterUpload,
  isUsableFileName,
  objectPathOf,
  parseOriginalName,
  uploadIdOf,
} from "../../src/images/object-names";

describe("parseOriginalName", () => {
  it("takes products/{productId}/original/{file} and nothing else", () => {
    expect(parseOriginalName("products/mug/original/front.jpg")).toEqual({
      productId: "mug",
      fileName: "front.jpg",
    });
    for (const name of [
      "products/mug/images/abc-1-full.webp",
      "products/mug/original/",
      "products/mug/original/nested/front.jpg",
      "products//original/front.jpg",
      "users/u1/avatar/a.jpg",
      "xproducts/mug/original/front.jpg",
    ]) {
      expect(parseOriginalName(name)).toBeNull();
    }
  });
});

describe("isUsableFileName", () => {
  it("refuses names the product document or the admin UI could not carry", () => {
    expect(isUsableFileName("Front view (1).JPG")).toBe(true);
    expect(isUsableFileName("tasse-été.png")).toBe(true);
    expect(isUsableFileName("x".repeat(200))).toBe(true);
    expect(isUsableFileName("x".repeat(201))).toBe(false);
    expect(isUsableFileName("two\nlines.jpg")).toBe(false);
    expect(isUsableFileName("bell\u0007.jpg")).toBe(false);
    expect(isUsableFileName("rtl\u202e.jpg")).toBe(false);
  });
});

describe("image ids", () => {
  const name = "products/mug/original/front.jpg";

  it("are the same for a redelivered event and new for a new generation or name", () => {
    expect(imageIdFor(name, "1700000000000001")).toBe(imageIdFor(name, "1700000000000001"));
    expect(imageIdFor(name, "1700000000000002")).not.toBe(imageIdFor(name, "1700000000000001"));
    expect(imageIdFor("products/mug/original/back.jpg", "1")).not.toBe(imageIdFor(name, "1"));
    expect(imageIdFor(name, "1700000000000001")).toMatch(/^[0-9a-f]{12}-1700000000000001$/);
  });

  it("put uploads of one name in order by generation, as numbers", () => {
    const older = imageIdFor(name, "999");
    const newer = imageIdFor(name, "1000");
    expect(generationOf(newer)).toBe("1000");
    expect(isLaterUpload(newer, older)).toBe(true);
    expect(isLaterUpload(older, newer)).toBe(false);
    expect(isLaterUpload(older, older)).toBe(false);
    expect(generationOf("full")).toBeNull();
  });

  it("name derived files so one image's prefix never covers another's", () => {
    const short = imageIdFor(name, "1");
    const long = imageIdFor(name, "12");
    expect(derivedPath("mug", long, "full").startsWith(derivedPrefix("mug", short))).toBe(false);
    expect(derivedPath("mug", short, "thumb").startsWith(derivedPrefix("mug", short))).toBe(true);
  });

  it("are read back from an entry's URLs, on the emulator and in production", () => {
    const id = imageIdFor(name, "1700000000000001");
    for (const origin of ["http://127.0.0.1:9199", "https://firebasestorage.googleapis.com"]) {
      const url = downloadUrl(origin, "demo-hearth.appspot.com", derivedPath("mug", id, "card"));
      expect(objectPathOf(url)).toBe(derivedPath("mug", id, "card"));
      expect(uploadIdOf({ urls: { card: url } })).toBe(id);
    }
    const seeded = downloadUrl("http://127.0.0.1:9199", "b", "products/mug/images/full.webp");
    expect(uploadIdOf({ urls: { full: seeded } })).toBeNull();
    expect(uploadIdOf({ urls: { full: "not a url" } })).toBeNull();
    expect(uploadIdOf({})).toBeNull();
  });
});

describe("download URLs", () => {
  it("point at the emulator when one is configured, else at Firebase Storage", () => {
    expect(storageOrigin({ FIREBASE_STORAGE_EMULATOR_HOST: "127.0.0.1:9199" })).toBe("http://127.0.0.1:9199");
    expect(storageOrigin({ STORAGE_EMULATOR_HOST: "http://127.0.0.1:9199/" })).toBe("http://127.0.0.1:9199");
    expect(storageOrigin({})).toBe("https://firebasestorage.googleapis.com");
  });

  it("carry a token that is stable per object, in the UUID shape Firebase uses", () => {
    const token = downloadToken("b", "products/mug/images/x-full.webp");
    expect(token).toBe(downloadToken("b", "products/mug/images/x-full.webp"));
    expect(token).not.toBe(downloadToken("b", "products/mug/images/x-card.webp"));
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      downloadUrl("https://firebasestorage.googleapis.com", "b", "products/mug/images/x-full.webp"),
    ).toBe(
      `https://firebasestorage.googleapis.com/v0/b/b/o/products%2Fmug%2Fimages%2Fx-full.webp?alt=media&token=${token}`,
    );
  });
});
