import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { altFromMetadata } from "../../src/images/attach-image";
import { parseFinalizedObject } from "../../src/images/finalized-object";
import { ImageRejection } from "../../src/images/image-rejection";
import { checkUpload, inspectImage } from "../../src/images/inspect-image";
import { renderImage } from "../../src/images/render-image";

const MB = 1024 * 1024;

function rejectionOf(work: () => unknown): ImageRejection {
  try {
    work();
  } catch (error) {
    if (error instanceof ImageRejection) return error;
    throw error;
  }
  throw new Error("Not rejected");
}

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 40, g: 90, b: 160, alpha: 0.5 } } });

describe("checkUpload", () => {
  it("refuses 20 MiB and more, as storage.rules does", () => {
    expect(() => checkUpload(20 * MB - 1, "image/jpeg")).not.toThrow();
    expect(rejectionOf(() => checkUpload(20 * MB, "image/jpeg")).code).toBe("file_too_large");
  });

  it("refuses a declared type that is not an image", () => {
    expect(rejectionOf(() => checkUpload(10, "application/pdf")).reason).toMatch(
      /its type is application\/pdf/,
    );
    expect(rejectionOf(() => checkUpload(10, undefined)).code).toBe("not_an_image");
    expect(() => checkUpload(10, "IMAGE/PNG")).not.toThrow();
  });
});

describe("inspectImage", () => {
  it("reads the format from the bytes and the upright dimensions from EXIF", async () => {
    const turned = await solid(300, 200).jpeg().withMetadata({ orientation: 8 }).toBuffer();
    expect(await inspectImage(turned)).toEqual({ format: "jpeg", upright: { width: 200, height: 300 } });
    const png = await solid(30, 20, 4).png().toBuffer();
    expect(await inspectImage(png)).toEqual({ format: "png", upright: { width: 30, height: 20 } });
    const gif = await solid(30, 20).gif().toBuffer();
    expect((await inspectImage(gif)).format).toBe("gif");
  });

  it("takes exactly 50 megapixels and refuses one pixel more, before decoding", async () => {
    const limit = await solid(10_000, 5_000).png({ compressionLevel: 9 }).toBuffer();
    const over = await solid(10_001, 5_000).png({ compressionLevel: 9 }).toBuffer();
    expect((await inspectImage(limit)).upright).toEqual({ width: 10_000, height: 5_000 });
    await expect(inspectImage(over)).rejects.toMatchObject({ code: "too_many_pixels" });
  });

  it("refuses bytes that are no image, and formats the store does not take", async () => {
    await expect(inspectImage(Buffer.from("GIF89a but not really"))).rejects.toMatchObject({
      code: "not_an_image",
    });
    await expect(inspectImage(await solid(8, 8).tiff().toBuffer())).rejects.toMatchObject({
      code: "unsupported_format",
    });
  });
});

describe("renderImage", () => {
  it("writes every size as WebP at the planned dimensions, and a short placeholder", async () => {
    const rendered = await renderImage(await solid(2000, 1000).jpeg().toBuffer(), {
      width: 2000,
      height: 1000,
    });

    const sizes = await Promise.all(
      rendered.variants.map(async ({ size, width, height, data }) => {
        const metadata = await sharp(data).metadata();
        return [size, metadata.format, metadata.width, metadata.height, width, height];
      }),
    );
    expect(sizes).toEqual([
      ["thumb", "webp", 160, 80, 160, 80],
      ["card", "webp", 480, 240, 480, 240],
      ["full", "webp", 1200, 600, 1200, 600],
    ]);
    expect(rendered.placeholder).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    expect(rendered.placeholder?.length).toBeLessThan(400);
    const tiny = Buffer.from(rendered.placeholder?.split(",")[1] ?? "", "base64");
    expect(await sharp(tiny).metadata()).toMatchObject({ width: 16, height: 8 });
  });

  it("refuses a file whose pixels cannot be decoded", async () => {
    const whole = await solid(400, 300).jpeg().toBuffer();
    await expect(
      renderImage(whole.subarray(0, whole.length / 2), { width: 400, height: 300 }),
    ).rejects.toMatchObject({ code: "unreadable" });
  });
});

describe("altFromMetadata", () => {
  it("makes the upload's alt text one trimmed line of at most 200 characters", () => {
    expect(altFromMetadata({ alt: "  A mug,\n\tfront  " })).toBe("A mug, front");
    expect(altFromMetadata({ alt: "   " })).toBeNull();
    expect(altFromMetadata(undefined)).toBeNull();
    expect(altFromMetadata({ alt: "x".repeat(300) })).toHaveLength(200);
    // 199 characters then an emoji: cut before the emoji rather than through it.
    expect(altFromMetadata({ alt: `${"x".repeat(199)}\u{1F375}` })).toBe("x".repeat(199));
  });
});

describe("parseFinalizedObject", () => {
  const data = {
    bucket: "b",
    name: "products/mug/original/a.jpg",
    generation: "1700000000000001",
    size: "1234",
    contentType: "image/jpeg",
    metadata: { alt: "A mug" },
  };

  it("reads int64 fields sent as text or as numbers", () => {
    const time = "2026-01-01T00:00:00Z";
    expect(parseFinalizedObject(data, time)).toEqual({
      ok: true,
      object: {
        bucket: "b",
        name: data.name,
        generation: "1700000000000001",
        size: 1234,
        contentType: "image/jpeg",
        customMetadata: { alt: "A mug" },
        eventTime: time,
      },
    });
    const numeric = parseFinalizedObject({ ...data, generation: 17, size: 5, metadata: null }, time);
    expect(numeric).toMatchObject({
      ok: true,
      object: { generation: "17", size: 5, customMetadata: undefined },
    });
  });

  it("refuses an event without a name or generation", () => {
    expect(parseFinalizedObject({ ...data, name: "" }, "t").ok).toBe(false);
    expect(parseFinalizedObject({ ...data, generation: "-1" }, "t").ok).toBe(false);
    expect(parseFinalizedObject(null, "t").ok).toBe(false);
  });
});
