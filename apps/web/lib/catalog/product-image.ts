import { imageSizes, type ImageSize, type ProductImage } from "@hearth/domain";

export type ResponsiveImage = {
  src: string;
  /** "url 160w, url 480w, ..." for <img srcSet>. */
  srcSet: string;
  width: number;
  height: number;
  alt: string;
};

/** Target widths of the variants the image pipeline writes; never wider than the original. */
export const IMAGE_VARIANT_WIDTHS: Readonly<Record<ImageSize, number>> = {
  thumb: 160,
  card: 480,
  full: 1200,
};

const FALLBACK_ORDER: readonly ImageSize[] = ["card", "full", "thumb"];

export function toResponsiveImage(image: ProductImage): ResponsiveImage | null {
  const src = FALLBACK_ORDER.map((size) => image.urls[size]).find((url) => url !== undefined);
  if (src === undefined) return null;

  const candidates = new Map<number, string>();
  for (const size of imageSizes) {
    const url = image.urls[size];
    const width = Math.min(IMAGE_VARIANT_WIDTHS[size], image.width);
    // Small originals make several variants the same width; keep the first (smallest).
    if (url !== undefined && !candidates.has(width)) candidates.set(width, url);
  }
  const srcSet = [...candidates].map(([width, url]) => `${url} ${width}w`).join(", ");

  return { src, srcSet, width: image.width, height: image.height, alt: image.alt };
}
