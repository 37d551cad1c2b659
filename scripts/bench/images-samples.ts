// Sample originals for `npm run bench:images`: photo-like content (a smooth colour field with
// film grain), so decoders and encoders work about as hard as on a real photograph.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MAX_ORIGINAL_BYTES } from "@hearth/domain";
import sharp, { type Sharp } from "sharp";

export interface Sample {
  label: string;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

/** Raw RGB pixels: 48 × 36 random colours scaled up smoothly, plus gaussian grain. */
async function photoLike(width: number, height: number, grain: number): Promise<Buffer> {
  const field = await sharp({
    create: {
      width: 48,
      height: 36,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 60 },
    },
  })
    .png()
    .toBuffer();
  const pixels = await sharp(field).resize(width, height, { kernel: "cubic", fit: "fill" }).raw().toBuffer();
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: grain },
    },
  })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) {
    pixels[i] = Math.max(0, Math.min(255, (pixels[i] ?? 0) + (noise[i] ?? 128) - 128));
  }
  return pixels;
}

type Encode = (image: Sharp) => Sharp;

/**
 * Encodes the pixels, lowering the quality until the file fits the upload limit. A failed encode
 * counts as too big: libwebp gives up on a 50 MP frame whose first partition passes 16 MB.
 */
async function fitted(
  pixels: Buffer,
  width: number,
  height: number,
  encode: (q: number) => Encode,
): Promise<Buffer> {
  for (let quality = 90; quality >= 50; quality -= 5) {
    const data = await encode(quality)(sharp(pixels, { raw: { width, height, channels: 3 } }))
      .toBuffer()
      .catch(() => null);
    if (data !== null && data.length < MAX_ORIGINAL_BYTES) return data;
  }
  throw new Error(`No quality fits ${width} × ${height} under the upload limit`);
}

/** Bump when the samples change: the files are kept between runs (making them takes minutes). */
const SAMPLES_VERSION = 1;

function isSample(value: unknown): value is Sample {
  return (
    typeof value === "object" &&
    value !== null &&
    "label" in value &&
    "file" in value &&
    typeof value.file === "string" &&
    existsSync(value.file)
  );
}

function storedSamples(index: string): Record<string, Sample> | null {
  if (!existsSync(index)) return null;
  const stored: unknown = JSON.parse(readFileSync(index, "utf8"));
  if (typeof stored !== "object" || stored === null || !("version" in stored) || !("samples" in stored))
    return null;
  if (stored.version !== SAMPLES_VERSION || typeof stored.samples !== "object" || stored.samples === null)
    return null;
  const samples: Record<string, Sample> = {};
  for (const [key, sample] of Object.entries(stored.samples)) {
    if (!isSample(sample)) return null;
    samples[key] = sample;
  }
  return samples;
}

export async function writeSamples(dir: string): Promise<Record<string, Sample>> {
  const index = path.join(dir, "samples.json");
  const stored = storedSamples(index);
  if (stored) return stored;
  mkdirSync(dir, { recursive: true });
  const samples: Record<string, Sample> = {};
  const save = (key: string, label: string, width: number, height: number, data: Buffer) => {
    const file = path.join(
      dir,
      `${key}.${label.includes("PNG") ? "png" : label.includes("WebP") ? "webp" : "jpg"}`,
    );
    writeFileSync(file, data);
    samples[key] = { label, file, width, height, bytes: data.length };
  };

  const twelve = await photoLike(4000, 3000, 20);
  save(
    "jpeg12",
    "12 MP JPEG",
    4000,
    3000,
    await fitted(twelve, 4000, 3000, (q) => (s) => s.jpeg({ quality: q })),
  );

  // 8660 × 5773 is 49,994,180 pixels: just under the 50-megapixel limit.
  const [w, h] = [8660, 5773];
  const fifty = await photoLike(w, h, 16);
  save(
    "jpeg50",
    "50 MP JPEG (baseline)",
    w,
    h,
    await fitted(fifty, w, h, (q) => (s) => s.jpeg({ quality: q })),
  );
  save(
    "jpeg50p",
    "50 MP JPEG (progressive)",
    w,
    h,
    await fitted(fifty, w, h, (q) => (s) => s.jpeg({ quality: q, progressive: true })),
  );
  save(
    "webp50",
    "50 MP WebP",
    w,
    h,
    await fitted(fifty, w, h, (q) => (s) => s.webp({ quality: q, effort: 0 })),
  );
  // A lossless photo of 50 MP does not fit in 20 MB; a 64-colour one does, and decoding a
  // non-interlaced PNG streams row by row whatever its content.
  const smooth = await photoLike(w, h, 0);
  const png = await fitted(smooth, w, h, () => (s) => s.png({ palette: true, colours: 64, dither: 0 }));
  save("png50", "50 MP PNG (64 colours)", w, h, png);
  writeFileSync(index, JSON.stringify({ version: SAMPLES_VERSION, samples }));
  return samples;
}
