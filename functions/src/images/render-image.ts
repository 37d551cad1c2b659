import {
  imagePlaceholderSchema,
  MAX_ORIGINAL_PIXELS,
  placeholderSize,
  planImageSizes,
  type Dimensions,
  type ImageSize,
  type SizePlan,
} from "@hearth/domain";
import sharp, { type Sharp, type SharpOptions, type WebpOptions } from "sharp";
import { ImageRejection } from "./image-rejection";

// libvips' operation cache keeps recent results in case they are asked for again; every upload
// is a new image, so the cache would only add to the peak memory.
sharp.cache(false);

/**
 * `failOn: "warning"` (sharp's default, spelled out): a truncated or damaged file is refused
 * instead of coming out with a grey band. The pixel limit repeats inspectImage's as a backstop.
 */
const DECODE: SharpOptions = { limitInputPixels: MAX_ORIGINAL_PIXELS, failOn: "warning" };

/** libwebp's defaults, the same as the benchmark's reference resize; see scripts/bench/images.ts. */
export const WEBP: WebpOptions = { quality: 80, effort: 4 };
/** A few hundred pixels: the slowest effort costs nothing here and keeps the data URL short. */
const PLACEHOLDER_WEBP: WebpOptions = { quality: 40, effort: 6 };

export interface RenderedVariant extends Dimensions {
  size: ImageSize;
  data: Buffer;
}

export interface RenderedImage {
  plan: SizePlan;
  variants: RenderedVariant[];
  /** A data URL, or null in the unlikely case it came out too long for the product document. */
  placeholder: string | null;
}

interface RawImage extends Dimensions {
  data: Buffer;
  channels: 1 | 2 | 3 | 4;
}

/**
 * Decodes the original once and derives every size from it (EXIF rotation applied, metadata
 * dropped: sharp writes none unless asked). The decode resizes straight to `full`, with the JPEG
 * and WebP decoders' shrink-on-load, and PNG streams row by row, so a 50-megapixel original is
 * not held in memory whole (a progressive JPEG is: see options.ts). Each smaller size is cut from
 * the next larger one (card from full, thumb from card, the placeholder from thumb) and the WebPs
 * are encoded one after another, so the peak is one full-size raw image and one encoder.
 * `npm run bench:images` measures this against decoding per size and against one shared
 * full-resolution decode: 1.1× the time of a single resize at about the same peak memory, where
 * those take 1.6–1.7× and the shared decode twice the memory.
 */
export async function renderImage(input: Buffer, upright: Dimensions): Promise<RenderedImage> {
  const plan = planImageSizes(upright);
  try {
    const full = await toRaw(sharp(input, DECODE).autoOrient(), plan.full);
    const fullWebp = await encode(full);
    const card = await toRaw(fromRaw(full), plan.card);
    const cardWebp = await encode(card);
    const thumb = await toRaw(fromRaw(card), plan.thumb);
    const thumbWebp = await encode(thumb);
    const tiny = placeholderSize(thumb);
    const placeholderWebp = await fromRaw(thumb)
      .resize(tiny.width, tiny.height, { fit: "fill" })
      .webp(PLACEHOLDER_WEBP)
      .toBuffer();
    const placeholder = imagePlaceholderSchema.safeParse(
      `data:image/webp;base64,${placeholderWebp.toString("base64")}`,
    );
    return {
      plan,
      variants: [
        { size: "thumb", ...plan.thumb, data: thumbWebp },
        { size: "card", ...plan.card, data: cardWebp },
        { size: "full", ...plan.full, data: fullWebp },
      ],
      placeholder: placeholder.success ? placeholder.data : null,
    };
  } catch (error) {
    throw new ImageRejection(
      "unreadable",
      "The image could not be read: the file may be damaged or cut short. Upload it again.",
      `decode: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function toRaw(pipeline: Sharp, size: Dimensions): Promise<RawImage> {
  const { data, info } = await pipeline
    .resize(size.width, size.height, { fit: "fill" })
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  const { channels } = info;
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw new Error(`Unexpected channel count ${String(channels)}`);
  }
  return { data, width: info.width, height: info.height, channels };
}

function fromRaw(image: RawImage): Sharp {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
}

function encode(image: RawImage): Promise<Buffer> {
  return fromRaw(image).webp(WEBP).toBuffer();
}
