import type { App } from "firebase-admin/app";
import { getStorage } from "firebase-admin/storage";
import type { CloudEvent } from "firebase-functions/v2";
import sharp from "sharp";
import type { Bucket } from "../../../functions/src/images/image-files";
import type { FinalizedObject } from "../../../functions/src/images/finalized-object";

/** The default bucket of a demo project, as the Functions emulator and the seed name it. */
export function bucketOf(app: App): Bucket {
  const projectId = app.options.projectId;
  if (!projectId) throw new Error("The app has no projectId");
  return getStorage(app).bucket(`${projectId}.appspot.com`);
}

export function originalPath(productId: string, fileName: string): string {
  return `products/${productId}/original/${fileName}`;
}

export interface Uploaded {
  name: string;
  generation: string;
  size: number;
  contentType: string;
  metadata: Record<string, string>;
}

/** Uploads an original as the admin UI would (the Admin SDK skips storage.rules, as tests need). */
export async function uploadOriginal(
  bucket: Bucket,
  productId: string,
  fileName: string,
  data: Buffer,
  contentType: string,
  metadata: Record<string, string> = {},
): Promise<Uploaded> {
  const file = bucket.file(originalPath(productId, fileName));
  await file.save(data, { resumable: false, contentType, metadata: { metadata } });
  const [stored] = await file.getMetadata();
  if (stored.generation === undefined) throw new Error(`No generation for ${file.name}`);
  return { name: file.name, generation: String(stored.generation), size: data.length, contentType, metadata };
}

/** What the trigger hands processOriginal for this upload. */
export function finalized(upload: Uploaded, eventTime = new Date().toISOString()): FinalizedObject {
  return {
    name: upload.name,
    generation: upload.generation,
    size: upload.size,
    contentType: upload.contentType,
    customMetadata: upload.metadata,
    eventTime,
  };
}

/** The CloudEvent the Storage trigger receives, int64 fields as text as GCS sends them (the SDK types say number). */
export function finalizedEvent(bucket: Bucket, upload: Uploaded, id: string): CloudEvent<unknown> {
  const data = {
    bucket: bucket.name,
    name: upload.name,
    generation: upload.generation,
    metageneration: "1",
    size: String(upload.size),
    contentType: upload.contentType,
    metadata: upload.metadata,
    id: `${bucket.name}/${upload.name}/${upload.generation}`,
    storageClass: "STANDARD",
  };
  return {
    specversion: "1.0",
    id,
    source: `//storage.googleapis.com/projects/_/buckets/${bucket.name}`,
    subject: `objects/${upload.name}`,
    type: "google.cloud.storage.object.v1.finalized",
    time: new Date().toISOString(),
    data,
  };
}

export async function listNames(bucket: Bucket, prefix: string): Promise<string[]> {
  const [files] = await bucket.getFiles({ prefix });
  return files.map((file) => file.name).sort();
}

export async function clearBucket(bucket: Bucket): Promise<void> {
  await bucket.deleteFiles({ prefix: "products/", force: true });
}

export async function download(bucket: Bucket, name: string): Promise<Buffer> {
  const [data] = await bucket.file(name).download();
  return data;
}

const RED = { r: 220, g: 30, b: 30 };
const BLUE = { r: 30, g: 60, b: 200 };

/**
 * A JPEG stored `width` × `height` with a red top-left quadrant on blue, tagged with this EXIF
 * orientation (6: the camera was turned; viewers rotate it 90° clockwise).
 */
export async function orientedJpeg(width: number, height: number, orientation: number): Promise<Buffer> {
  const quadrant = await sharp({
    create: { width: width / 2, height: height / 2, channels: 3, background: RED },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: BLUE } })
    .composite([{ input: quadrant, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: "HearthCam", Copyright: "Someone else" } })
    .withMetadata({ orientation })
    .toBuffer();
}

/** A PNG whose left half is fully transparent and right half opaque green. */
export async function halfTransparentPng(width: number, height: number): Promise<Buffer> {
  const opaque = await sharp({
    create: { width: width / 2, height, channels: 4, background: { r: 20, g: 160, b: 60, alpha: 1 } },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: opaque, left: width / 2, top: 0 }])
    .png()
    .toBuffer();
}

/** A one-colour PNG: tiny as a file, however many pixels it has. */
export function plainPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: BLUE } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A real JPEG cut off half-way, as an interrupted upload leaves it. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await sharp({
    create: {
      width: 800,
      height: 600,
      channels: 3,
      background: BLUE,
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** The colour at (x, y) of an image file, and its alpha (255 when it has none). */
export async function pixelAt(
  image: Buffer,
  x: number,
  y: number,
): Promise<{ r: number; g: number; b: number; alpha: number }> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  const [r = 0, g = 0, b = 0, alpha = 0] = data.subarray(at, at + 4);
  return { r, g, b, alpha };
}
