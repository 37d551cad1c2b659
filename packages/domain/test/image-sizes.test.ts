import { describe, expect, it } from "vitest";
import { imageWidths, placeholderSize, planImageSizes, productImageSchema } from "../src";

describe("planImageSizes", () => {
  it("scales a large landscape original to each width, keeping its aspect ratio", () => {
    expect(planImageSizes({ width: 4000, height: 3000 })).toEqual({
      thumb: { width: 160, height: 120 },
      card: { width: 480, height: 360 },
      full: { width: 1200, height: 900 },
    });
  });

  it("scales a portrait by width too (the storefront's srcset describes widths)", () => {
    expect(planImageSizes({ width: 3000, height: 4500 })).toEqual({
      thumb: { width: 160, height: 240 },
      card: { width: 480, height: 720 },
      full: { width: 1200, height: 1800 },
    });
  });

  it("never upscales: sizes wider than the original keep the original's dimensions", () => {
    expect(planImageSizes({ width: 600, height: 400 })).toEqual({
      thumb: { width: 160, height: 107 },
      card: { width: 480, height: 320 },
      full: { width: 600, height: 400 },
    });
    const tiny = { width: 100, height: 80 };
    expect(planImageSizes(tiny)).toEqual({ thumb: tiny, card: tiny, full: tiny });
    expect(planImageSizes({ width: imageWidths.full, height: 10 }).full).toEqual({ width: 1200, height: 10 });
  });

  it("keeps at least one pixel of height for a very wide strip", () => {
    expect(planImageSizes({ width: 50_000, height: 2 }).thumb).toEqual({ width: 160, height: 1 });
  });

  it("refuses dimensions that are not positive integers", () => {
    for (const bad of [
      { width: 0, height: 10 },
      { width: 10, height: -1 },
      { width: 10.5, height: 10 },
      { width: Number.NaN, height: 10 },
    ]) {
      expect(() => planImageSizes(bad)).toThrow(RangeError);
    }
  });
});

describe("placeholderSize", () => {
  it("fits the longest side in 16 pixels", () => {
    expect(placeholderSize({ width: 160, height: 120 })).toEqual({ width: 16, height: 12 });
    expect(placeholderSize({ width: 160, height: 240 })).toEqual({ width: 11, height: 16 });
    expect(placeholderSize({ width: 160, height: 1 })).toEqual({ width: 16, height: 1 });
  });

  it("never upscales", () => {
    expect(placeholderSize({ width: 10, height: 4 })).toEqual({ width: 10, height: 4 });
  });
});

describe("productImageSchema's placeholder", () => {
  const image = { path: "products/p/original/a.jpg", width: 1, height: 1, urls: {}, alt: "" };

  it("takes a short WebP data URL, or none", () => {
    expect(productImageSchema.safeParse(image).success).toBe(true);
    expect(
      productImageSchema.safeParse({ ...image, placeholder: "data:image/webp;base64,UklGRg==" }).success,
    ).toBe(true);
  });

  it("refuses other data URLs, long ones and URLs", () => {
    for (const placeholder of [
      "data:image/png;base64,AAAA",
      `data:image/webp;base64,${"A".repeat(1001)}`,
      "https://example.com/p.webp",
      "data:image/webp;base64,",
    ]) {
      expect(productImageSchema.safeParse({ ...image, placeholder }).success).toBe(false);
    }
  });
});
