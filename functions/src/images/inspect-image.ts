import { MAX_ORIGINAL_BYTES, MAX_ORIGINAL_PIXELS, type Dimensions } from "@hearth/domain";
import sharp, { type Metadata } from "sharp";
import { ImageRejection } from "./image-rejection";

/** What storage.rules lets admins upload; SVG is refused there too (it can carry script). */
export const ACCEPTED_FORMATS = ["jpeg", "png", "webp", "gif", "avif"] as const;
export type AcceptedFormat = (typeof ACCEPTED_FORMATS)[number];

const MEGABYTE = 1024 * 1024;

export interface InspectedImage {
  format: AcceptedFormat;
  /** As displayed: EXIF orientation applied. */
  upright: Dimensions;
}

/** Checks that need no download: the object's size and declared type, as the event reports them. */
export function checkUpload(size: number, contentType: string | undefined): void {
  if (size >= MAX_ORIGINAL_BYTES) {
    throw new ImageRejection(
      "file_too_large",
      `The file is ${(size / MEGABYTE).toFixed(1)} MB; images must be smaller than ${MAX_ORIGINAL_BYTES / MEGABYTE} MB.`,
    );
  }
  if (!contentType?.toLowerCase().startsWith("image/")) {
    throw new ImageRejection(
      "not_an_image",
      `The file is not an image (its type is ${contentType ?? "unknown"}); upload a JPEG, PNG, WebP, AVIF or GIF.`,
    );
  }
}

/**
 * Reads the header only (no pixels are decoded): the format from the bytes themselves, never
 * from the name or declared type, and the dimensions, so a huge image is refused before decoding.
 */
export async function inspectImage(input: Buffer): Promise<InspectedImage> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw new ImageRejection(
      "not_an_image",
      "The file is not an image the store can read; upload a JPEG, PNG, WebP, AVIF or GIF.",
      `metadata: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const format = acceptedFormat(metadata);
  if (format === null) {
    throw new ImageRejection(
      "unsupported_format",
      `${describeFormat(metadata)} images are not supported; upload a JPEG, PNG, WebP, AVIF or GIF.`,
    );
  }
  // For an animated image, one frame: only the first is used.
  const height = metadata.pageHeight ?? metadata.height;
  const pixels = metadata.width * height;
  if (pixels > MAX_ORIGINAL_PIXELS) {
    throw new ImageRejection(
      "too_many_pixels",
      `The image is ${metadata.width} × ${height} pixels (${(pixels / 1e6).toFixed(1)} megapixels); ` +
        `images can have at most ${MAX_ORIGINAL_PIXELS / 1e6} megapixels.`,
    );
  }
  // EXIF orientations 5 to 8 turn the picture a quarter: width and height swap.
  const swapped = (metadata.orientation ?? 1) >= 5;
  return {
    format,
    upright: swapped ? { width: height, height: metadata.width } : { width: metadata.width, height },
  };
}

function acceptedFormat(metadata: Metadata): AcceptedFormat | null {
  // libvips reads AVIF and HEIC as "heif"; only AV1-compressed (AVIF) is accepted.
  if (metadata.format === "heif") return metadata.compression === "av1" ? "avif" : null;
  const format = ACCEPTED_FORMATS.find((accepted) => accepted === metadata.format);
  return format ?? null;
}

function describeFormat(metadata: Metadata): string {
  if (metadata.format === "heif") return metadata.compression === "hevc" ? "HEIC" : "HEIF";
  return metadata.format.toUpperCase();
}
