import { productImageErrorSchema, productSchema } from "@hearth/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { callFunction, idTokenFor } from "./support/callables";
import { auth, db } from "./support/e2e-app";
import { clearAuth, clearFirestore, E2E_PROJECT, waitFor } from "./support/emulators";
import { clearBucket, halfTransparentPng, listNames, orientedJpeg, uploadOriginal } from "./support/images";
import { bucket } from "./support/images-e2e-app";
import { seedProduct } from "./support/seed";

const PRODUCT = "vase";

beforeEach(async () => {
  await Promise.all([clearFirestore(E2E_PROJECT), clearAuth(E2E_PROJECT), clearBucket(bucket)]);
  await seedProduct(db, PRODUCT, { name: "Blue vase" });
});

async function product() {
  return productSchema.parse((await db.collection("products").doc(PRODUCT).get()).data());
}

function productWithImages(count: number) {
  return waitFor(`${count} images on ${PRODUCT}`, async () => {
    const current = await product();
    return current.images.length === count ? current : null;
  });
}

const stored = () => listNames(bucket, `products/${PRODUCT}/`);

describe("image pipeline on the emulators (real Storage trigger)", () => {
  it("puts an uploaded original on the product, and its own files do not set it off again", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "vase.jpg",
      await orientedJpeg(1600, 1200, 1),
      "image/jpeg",
    );

    const { images, updatedAt } = await productWithImages(1);

    expect(images[0]).toMatchObject({ path: upload.name, width: 1200, height: 900, alt: "Blue vase" });
    for (const url of Object.values(images[0]?.urls ?? {})) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
    }
    expect(await stored()).toHaveLength(4);
    // The three derived files each fired the trigger too: nothing may come of them.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await stored()).toHaveLength(4);
    expect((await product()).updatedAt).toEqual(updatedAt);
  });

  it("keeps both images when two are uploaded to one product at once", async () => {
    const [a, b] = await Promise.all([
      uploadOriginal(bucket, PRODUCT, "a.jpg", await orientedJpeg(800, 600, 6), "image/jpeg"),
      uploadOriginal(bucket, PRODUCT, "b.png", await halfTransparentPng(400, 300), "image/png"),
    ]);

    const { images } = await productWithImages(2);

    expect(images.map((image) => image.path).sort()).toEqual([a.name, b.name]);
    expect(images.find((image) => image.path === a.name)).toMatchObject({ width: 600, height: 800 });
    expect(await stored()).toHaveLength(8);
  });

  it("records a refused upload on the product and deletes it", async () => {
    await uploadOriginal(bucket, PRODUCT, "readme.jpg", Buffer.from("not a picture"), "image/jpeg");

    const refusal = await waitFor("an image error", async () => {
      const snap = await db.collection(`products/${PRODUCT}/imageErrors`).get();
      return snap.docs[0]?.data();
    });

    expect(productImageErrorSchema.parse(refusal)).toMatchObject({
      fileName: "readme.jpg",
      code: "not_an_image",
    });
    await waitFor("the refused upload to go", async () => (await stored()).length === 0);
    expect((await product()).images).toEqual([]);
  });
});

describe("adminDeleteProductImage", () => {
  it("removes the entry, the original and every size; admins only", async () => {
    const upload = await uploadOriginal(
      bucket,
      PRODUCT,
      "vase.jpg",
      await orientedJpeg(400, 300, 1),
      "image/jpeg",
    );
    await productWithImages(1);
    const admin = await idTokenFor(auth, "admin-images", { admin: true });
    const shopper = await idTokenFor(auth, "shopper-images");
    const input = { productId: PRODUCT, path: upload.name };

    expect((await callFunction("adminDeleteProductImage", input)).error?.status).toBe("UNAUTHENTICATED");
    expect((await callFunction("adminDeleteProductImage", input, shopper)).error?.status).toBe(
      "PERMISSION_DENIED",
    );
    expect((await callFunction("adminDeleteProductImage", { productId: PRODUCT }, admin)).error?.status).toBe(
      "INVALID_ARGUMENT",
    );
    expect((await product()).images).toHaveLength(1);

    const deleted = await callFunction("adminDeleteProductImage", input, admin);

    expect(deleted.result).toEqual({
      productId: PRODUCT,
      path: upload.name,
      removedEntry: true,
      deletedFiles: 4,
    });
    expect((await product()).images).toEqual([]);
    expect(await stored()).toEqual([]);
    expect((await callFunction("adminDeleteProductImage", input, admin)).error?.status).toBe("NOT_FOUND");
  });
});
