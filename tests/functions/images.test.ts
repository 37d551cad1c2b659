// The image pipeline's handler run directly against the emulators, in the saga project, whose
// bucket no emulated trigger watches: each test decides when (and how often) an event arrives.
import { db } from "./support/saga-app";
import { getApp } from "firebase-admin/app";
import { MAX_IMAGES, productImageErrorSchema, productSchema, type ProductImage } from "@hearth/domain";
import sharp from "sharp";
import { beforeEach, describe, expect, it } from "vitest";
import { deleteProductImage, ImageActionError } from "../../functions/src/images/delete-image";
import { onProductImageUploaded } from "../../functions/src/images/on-original-finalized";
import { processOriginal, type PipelineDeps } from "../../functions/src/images/process-original";
import { clearFirestore, SAGA_PROJECT } from "./support/emulators";
import {
  bucketOf,
  clearBucket,
  download,
  finalized,
  finalizedEvent,
  halfTransparentPng,
  listNames,
  orientedJpeg,
  pixelAt,
  plainPng,
  truncatedJpeg,
  uploadOriginal,
  type Uploaded,
} from "./support/images";
import { seedProduct } from "./support/seed";

const bucket = bucketOf(getApp());
const deps: PipelineDeps = { db, bucket };
const PRODUCT = "lamp";

beforeEach(async () => {
  await Promise.all([clearFirestore(SAGA_PROJECT), clearBucket(bucket)]);
  await seedProduct(db, PRODUCT, { name: "Brass lamp" });
});

async function product() {
  return productSchema.parse((await db.collection("products").doc(PRODUCT).get()).data());
}

async function imageErrors() {
  const snap = await db.collection(`products/${PRODUCT}/imageErrors`).get();
  return snap.docs.map((doc) => ({ id: doc.id, ...productImageErrorSchema.parse(doc.data()) }));
}

/** Every object of the product, original and derived. */
const stored = () => listNames(bucket, `products/${PRODUCT}/`);

function derivedNames(imageId: string): string[] {
  return ["card", "full", "thumb"].map((size) => `products/${PRODUCT}/images/${imageId}-${size}.webp`);
}

async function processed(upload: Uploaded) {
  const outcome = await processOriginal(deps, finalized(upload));
  if (outcome.kind === "ignored") throw new Error("The upload was ignored");
  return outcome;
}

async function webpAt(url: string | undefined): Promise<Buffer> {
  if (!url) throw new Error("No URL");
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("image pipeline: accepted uploads", () => {
  it("turns a JPEG upright by its EXIF orientation, strips metadata and writes every size", async () => {
    // Stored 2400 × 1600 with orientation 6: shown 1600 × 2400, the red quadrant at the top right.
    const jpeg = await orientedJpeg(2400, 1600, 6);
    expect((await sharp(jpeg).metadata()).exif?.toString("latin1")).toContain("HearthCam");
    const upload = await uploadOriginal(bucket, PRODUCT, "side.jpg", jpeg, "image/jpeg");

    const outcome = await processed(upload);

    expect(outcome.kind).toBe("added");
    const [image, ...others] = (await product()).images;
    expect(others).toEqual([]);
    expect(image).toMatchObject({ path: upload.name, width: 1200, height: 1800, alt: "Brass lamp" });
    expect(image?.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(await stored()).toEqual([...derivedNames(outcome.imageId), upload.name].sort());

    const expected = { thumb: [160, 240], card: [480, 720], full: [1200, 1800] } as const;
    for (const [size, [width, height]] of Object.entries(expected)) {
      const file = await download(bucket, `products/${PRODUCT}/images/${outcome.imageId}-${size}.webp`);
      const metadata = await sharp(file).metadata();
      expect({ size, format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({
        size,
        format: "webp",
        width,
        height,
      });
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
    }
    const full = await webpAt(image?.urls.full);
    expect((await pixelAt(full, 1100, 100)).r).toBeGreaterThan(180);
    expect((await pixelAt(full, 100, 100)).b).toBeGreaterThan(160);
  });

  it("keeps a PNG's transparency and never upscales a small image", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "cutout.png",
      await halfTransparentPng(600, 400),
      "image/png",
      { alt: "  The lamp,\n cut out  " },
    );

    const outcome = await processed(upload);

    const image = (await product()).images[0];
    expect(image).toMatchObject({ width: 600, height: 400, alt: "The lamp, cut out" });
    const sizes = await Promise.all(
      (["thumb", "card", "full"] as const).map(async (size) => {
        const file = await webpAt(image?.urls[size]);
        const metadata = await sharp(file).metadata();
        expect(metadata.hasAlpha).toBe(true);
        expect((await pixelAt(file, 1, 1)).alpha).toBe(0);
        expect((await pixelAt(file, metadata.width - 2, 1)).alpha).toBe(255);
        return [metadata.width, metadata.height];
      }),
    );
    expect(sizes).toEqual([
      [160, 107],
      [480, 320],
      [600, 400],
    ]);
    expect(await stored()).toEqual([...derivedNames(outcome.imageId), upload.name].sort());
  });
});

describe("image pipeline: refused uploads", () => {
  const cases: [string, () => Promise<[string, Buffer, string]>, string, RegExp][] = [
    [
      "an image over 50 megapixels",
      async () => ["huge.png", await plainPng(10_000, 5_001), "image/png"],
      "too_many_pixels",
      /10000 × 5001 pixels \(50\.0 megapixels\); images can have at most 50 megapixels/,
    ],
    [
      "a file of 20 MB",
      async () => ["big.jpg", Buffer.alloc(20 * 1024 * 1024, 1), "image/jpeg"],
      "file_too_large",
      /20\.0 MB; images must be smaller than 20 MB/,
    ],
    [
      "a JPEG cut short",
      async () => ["cut.jpg", await truncatedJpeg(), "image/jpeg"],
      "unreadable",
      /could not be read/,
    ],
    [
      "a text file renamed .jpg",
      async () => ["notes.jpg", Buffer.from("Remember to photograph the lamp.\n"), "image/jpeg"],
      "not_an_image",
      /not an image the store can read/,
    ],
    [
      "a file that says it is text",
      async () => ["notes.txt", Buffer.from("hello"), "text/plain"],
      "not_an_image",
      /not an image \(its type is text\/plain\)/,
    ],
    [
      "a TIFF",
      async () => [
        "scan.tiff",
        await sharp(await plainPng(40, 30))
          .tiff()
          .toBuffer(),
        "image/tiff",
      ],
      "unsupported_format",
      /TIFF images are not supported/,
    ],
    [
      "an SVG",
      async () => [
        "logo.svg",
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'),
        "image/svg+xml",
      ],
      "unsupported_format",
      /SVG images are not supported/,
    ],
  ];

  it.each(cases)(
    "refuses %s: recorded on the product, upload deleted",
    async (_label, make, code, message) => {
      const [fileName, data, contentType] = await make();
      const upload = await uploadOriginal(bucket, PRODUCT, fileName, data, contentType);

      const outcome = await processOriginal(deps, finalized(upload));

      expect(outcome).toMatchObject({ kind: "rejected", code });
      expect((await product()).images).toEqual([]);
      expect(await stored()).toEqual([]);
      const errors = await imageErrors();
      expect(errors).toEqual([
        {
          id: outcome.kind === "rejected" ? outcome.imageId : "",
          fileName,
          path: upload.name,
          code,
          message: expect.stringMatching(message),
          at: expect.anything(),
        },
      ]);
    },
  );

  it("refuses an upload for a product that does not exist", async () => {
    const upload = await uploadOriginal(
      bucket,
      "ghost",
      "a.jpg",
      await orientedJpeg(40, 30, 1),
      "image/jpeg",
    );

    expect(await processOriginal(deps, finalized(upload))).toMatchObject({ code: "product_missing" });
    expect(await listNames(bucket, "products/ghost/")).toEqual([]);
    expect((await db.collection("products/ghost/imageErrors").get()).size).toBe(1);
    expect((await db.collection("products").doc("ghost").get()).exists).toBe(false);
  });

  it(`refuses an image beyond the ${MAX_IMAGES}th and cleans up what it made`, async () => {
    const full: ProductImage[] = Array.from({ length: MAX_IMAGES }, (_, i) => ({
      path: `products/${PRODUCT}/images/${i}.webp`,
      width: 10,
      height: 10,
      urls: {},
      alt: "",
    }));
    await seedProduct(db, PRODUCT, { images: full });
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "one-more.jpg",
      await orientedJpeg(40, 30, 1),
      "image/jpeg",
    );

    expect(await processOriginal(deps, finalized(upload))).toMatchObject({ code: "too_many_images" });
    expect((await product()).images).toEqual(full);
    expect(await stored()).toEqual([]);
  });

  it("gives up on an event older than 30 minutes, visibly", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "late.jpg",
      await orientedJpeg(40, 30, 1),
      "image/jpeg",
    );
    const eventTime = new Date(Date.now() - 31 * 60_000).toISOString();

    expect(await processOriginal(deps, finalized(upload, eventTime))).toMatchObject({ code: "gave_up" });
    expect((await imageErrors())[0]?.message).toMatch(/upload the image again/);
    expect(await stored()).toEqual([]);
  });
});

describe("image pipeline: redelivery, concurrency and loops", () => {
  it("changes nothing on a duplicate delivery, one after the other or at once", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "a.jpg",
      await orientedJpeg(800, 600, 1),
      "image/jpeg",
    );

    const first = await processed(upload);
    const before = await product();
    const again = await processed(upload);
    const together = await Promise.all([processed(upload), processed(upload)]);

    expect(first.kind).toBe("added");
    expect(again).toEqual({ kind: "duplicate", imageId: first.imageId });
    expect(together.map((outcome) => outcome.kind)).toEqual(["duplicate", "duplicate"]);
    const after = await product();
    expect(after.images).toEqual(before.images);
    expect(await stored()).toEqual([...derivedNames(first.imageId), upload.name].sort());
  });

  it("adds one entry when the trigger itself gets the same event twice", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "c.jpg",
      await orientedJpeg(800, 600, 1),
      "image/jpeg",
    );
    const event = finalizedEvent(bucket, upload, "evt-c");

    await onProductImageUploaded(event);
    const before = await product();
    await onProductImageUploaded(event);

    expect(before.images).toHaveLength(1);
    expect(await product()).toEqual(before);
    expect(await stored()).toHaveLength(4);
  });

  it("processes the same new upload delivered twice at once into one entry", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "b.jpg",
      await orientedJpeg(800, 600, 1),
      "image/jpeg",
    );

    const outcomes = await Promise.all([processed(upload), processed(upload)]);

    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(["added", "duplicate"]);
    expect((await product()).images).toHaveLength(1);
    expect(await stored()).toHaveLength(4);
  });

  it("keeps both entries when two uploads to one product are processed at once", async () => {
    const [a, b] = await Promise.all([
      uploadOriginal(bucket, PRODUCT, "front.jpg", await orientedJpeg(800, 600, 1), "image/jpeg"),
      uploadOriginal(bucket, PRODUCT, "back.png", await halfTransparentPng(400, 400), "image/png"),
    ]);

    const [first, second] = await Promise.all([processed(a), processed(b)]);

    expect([first.kind, second.kind]).toEqual(["added", "added"]);
    const images = (await product()).images;
    expect(images.map((image) => image.path).sort()).toEqual([b.name, a.name]);
    expect(await stored()).toEqual(
      [...derivedNames(first.imageId), ...derivedNames(second.imageId), a.name, b.name].sort(),
    );
  });

  it("replaces the entry, in place, when the same file name is uploaded again", async () => {
    const first = await uploadOriginal(
      bucket,
      PRODUCT,
      "main.jpg",
      await orientedJpeg(800, 600, 1),
      "image/jpeg",
      {
        alt: "First alt",
      },
    );
    const other = await uploadOriginal(
      bucket,
      PRODUCT,
      "other.jpg",
      await orientedJpeg(80, 60, 1),
      "image/jpeg",
    );
    const v1 = await processed(first);
    await processed(other);
    const second = await uploadOriginal(
      bucket,
      PRODUCT,
      "main.jpg",
      await orientedJpeg(300, 600, 1),
      "image/jpeg",
    );

    const v2 = await processed(second);
    // The first upload's event, redelivered late: that generation is gone.
    const late = await processed(first);

    expect(v2.kind).toBe("replaced");
    // Production answers 404 for the replaced generation ("gone"); the emulator serves the live
    // one, which then loses to the newer entry ("superseded"). Either way nothing changes.
    expect(["gone", "superseded"]).toContain(late.kind);
    const images = (await product()).images;
    expect(images.map((image) => [image.path, image.width, image.alt])).toEqual([
      [first.name, 300, "First alt"],
      [other.name, 80, "Brass lamp"],
    ]);
    const names = await stored();
    expect(names.filter((name) => name.includes(v1.imageId))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(derivedNames(v2.imageId)));
  });

  it("ignores every object outside original/, its own derived files included", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "a.jpg",
      await orientedJpeg(80, 60, 1),
      "image/jpeg",
    );
    const { imageId } = await processed(upload);
    const before = await product();

    for (const name of [...derivedNames(imageId), "products/lamp/elsewhere/a.jpg", "users/u1/avatar/a.jpg"]) {
      const outcome = await processOriginal(deps, { ...finalized(upload), name });
      expect(outcome).toEqual({ kind: "ignored" });
    }
    expect(await product()).toEqual(before);
    expect(await imageErrors()).toEqual([]);
  });
});

describe("deleteProductImage", () => {
  it("removes one image's entry, original and sizes, and leaves the others alone", async () => {
    const keep = await uploadOriginal(
      bucket,
      PRODUCT,
      "keep.jpg",
      await orientedJpeg(80, 60, 1),
      "image/jpeg",
    );
    const drop = await uploadOriginal(
      bucket,
      PRODUCT,
      "drop.jpg",
      await orientedJpeg(80, 60, 1),
      "image/jpeg",
    );
    const kept = await processed(keep);
    await processed(drop);

    const result = await deleteProductImage(db, bucket, { productId: PRODUCT, path: drop.name });

    expect(result).toEqual({ productId: PRODUCT, path: drop.name, removedEntry: true, deletedFiles: 4 });
    expect((await product()).images.map((image) => image.path)).toEqual([keep.name]);
    expect(await stored()).toEqual([...derivedNames(kept.imageId), keep.name].sort());
    await expect(deleteProductImage(db, bucket, { productId: PRODUCT, path: drop.name })).rejects.toThrow(
      ImageActionError,
    );
  });

  it("finishes a deletion that stopped after removing the entry", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "half.jpg",
      await orientedJpeg(80, 60, 1),
      "image/jpeg",
    );
    await processed(upload);
    await db.collection("products").doc(PRODUCT).update({ images: [] });

    const result = await deleteProductImage(db, bucket, { productId: PRODUCT, path: upload.name });

    expect(result).toMatchObject({ removedEntry: false, deletedFiles: 4 });
    expect(await stored()).toEqual([]);
  });

  it("removes an entry the pipeline did not make with the files it names under images/", async () => {
    const names = ["thumb", "card", "full"].map((size) => `products/${PRODUCT}/images/${size}.webp`);
    await Promise.all(names.map((name) => bucket.file(name).save(Buffer.from("webp"), { resumable: false })));
    const origin = `http://${process.env.FIREBASE_STORAGE_EMULATOR_HOST ?? ""}`;
    const url = (name: string) => `${origin}/v0/b/${bucket.name}/o/${encodeURIComponent(name)}?alt=media`;
    const [thumb = "", card = "", full = ""] = names;
    await seedProduct(db, PRODUCT, {
      images: [
        {
          path: full,
          width: 1200,
          height: 900,
          urls: { thumb: url(thumb), card: url(card), full: url(full) },
          alt: "Seeded",
        },
      ],
    });

    const result = await deleteProductImage(db, bucket, { productId: PRODUCT, path: full });

    expect(result).toMatchObject({ removedEntry: true, deletedFiles: 3 });
    expect((await product()).images).toEqual([]);
    expect(await stored()).toEqual([]);
  });
});
