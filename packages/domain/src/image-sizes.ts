import type { ImageSize } from "./schemas/product";

/** Widths of the derived WebPs (the storefront's srcset descriptors); never wider than the original. */
export const imageWidths: Readonly<Record<ImageSize, number>> = { thumb: 160, card: 480, full: 1200 };

/** Uploads the pipeline accepts; storage.rules refuses originals of 20 MiB or more the same way. */
export const MAX_ORIGINAL_BYTES = 20 * 1024 * 1024;
export const MAX_ORIGINAL_PIXELS = 50_000_000;

/** Longest side of the placeholder: a few hundred bytes as a data URL, enough for a blurred preview. */
export const PLACEHOLDER_SIZE = 16;

export interface Dimensions {
  width: number;
  height: number;
}

export type SizePlan = Readonly<Record<ImageSize, Dimensions>>;

/** Dimensions scaled to `width`, keeping the aspect ratio; at least 1 px each way. */
function scaledTo(original: Dimensions, width: number): Dimensions {
  if (width >= original.width) return { width: original.width, height: original.height };
  return { width, height: Math.max(1, Math.round((original.height * width) / original.width)) };
}

/**
 * The dimensions of every derived size for an original of these (upright) dimensions. A size
 * wider than the original gets the original's dimensions: nothing is ever upscaled.
 */
export function planImageSizes(original: Dimensions): SizePlan {
  if (!isPositiveInt(original.width) || !isPositiveInt(original.height)) {
    throw new RangeError(`Not image dimensions: ${original.width}x${original.height}`);
  }
  return {
    thumb: scaledTo(original, imageWidths.thumb),
    card: scaledTo(original, imageWidths.card),
    full: scaledTo(original, imageWidths.full),
  };
}

/** The placeholder's dimensions: the longest side PLACEHOLDER_SIZE (or less, never upscaled). */
export function placeholderSize(original: Dimensions): Dimensions {
  const longest = Math.max(original.width, original.height);
  if (longest <= PLACEHOLDER_SIZE) return { width: original.width, height: original.height };
  const scale = PLACEHOLDER_SIZE / longest;
  return {
    width: Math.max(1, Math.round(original.width * scale)),
    height: Math.max(1, Math.round(original.height * scale)),
  };
}

function isPositiveInt(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}
