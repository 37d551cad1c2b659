import { imageSizes, imageWidths, type ImageSize, type ProductImage } from "@hearth/domain";

export type ResponsiveImage = {
  src: string;
  /** "url 160w, url 480w, ..." for <img srcSet>. */
  srcSet: string;
  width: number;
  height: number;
  alt: string;
  /** The pipeline's tiny WebP of the whole picture (a data URL), shown stretched until it loads. */
  placeholder: string | null;
};

const FALLBACK_ORDER: readonly ImageSize[] = ["card", "full", "thumb"];

export function toResponsiveImage(image: ProductImage): ResponsiveImage | null {
  const src = FALLBACK_ORDER.map((size) => image.urls[size]).find((url) => url !== undefined);
  if (src === undefined) return null;

  const candidates = new Map<number, string>();
  for (const size of imageSizes) {
    const url = image.urls[size];
    // The pipeline's widths, never wider than the picture (it does not upscale).
    const width = Math.min(imageWidths[size], image.width);
    // Small originals make several variants the same width; keep the first (smallest).
    if (url !== undefined && !candidates.has(width)) candidates.set(width, url);
  }
  const srcSet = [...candidates].map(([width, url]) => `${url} ${width}w`).join(", ");

  return {
    src,
    srcSet,
    width: image.width,
    height: image.height,
    alt: image.alt,
    placeholder: image.placeholder ?? null,
  };
}

/**
 * The placeholder as the img's own background: the browser paints it at once, stretched and so
 * blurred by the scaling, and the picture covers it when it arrives. No script, no extra request.
 */
export function placeholderStyle(image: ResponsiveImage): { backgroundImage: string } | undefined {
  return image.placeholder ? { backgroundImage: `url("${image.placeholder}")` } : undefined;
}
