import { createHash } from "node:crypto";
import type { Storage } from "firebase-admin/storage";
import sharp from "sharp";
import { imageSizes, productImageSchema, type ImageSize, type ProductImage } from "@hearth/domain";
import { ARTWORK_HEIGHT, ARTWORK_WIDTH, canRenderText, productSvg } from "./artwork";
import type { SeedCategory } from "./catalog";
import type { EmulatorTarget } from "./env";

export const imageWidths: Record<ImageSize, number> = { thumb: 160, card: 480, full: 1200 };

type Bucket = ReturnType<Storage["bucket"]>;
type File = ReturnType<Bucket["file"]>;

const CACHE_CONTROL = "public, max-age=86400";
const WEBP = { quality: 82, effort: 3 } as const;

function heightFor(width: number): number {
  return Math.round((width * ARTWORK_HEIGHT) / ARTWORK_WIDTH);
}

export function imagePath(productId: string, size: ImageSize): string {
  return `products/${productId}/images/${size}.webp`;
}

/** A fixed download token per object, so re-seeding keeps every URL the same. */
function downloadToken(bucket: string, path: string): string {
  const hex = createHash("sha256").update(`hearth-seed:${bucket}/${path}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Firebase download URL, exactly as getDownloadURL() from firebase-admin/storage builds it for the
 * emulator. Built here rather than asked for because that call goes through the Storage emulator's
 * rules runtime, which drops responses under parallel load, and because the token is ours anyway.
 */
export function downloadUrl(target: EmulatorTarget, path: string): string {
  const token = downloadToken(target.bucket, path);
  return `http://${target.hosts.storage}/v0/b/${target.bucket}/o/${encodeURIComponent(path)}?alt=media&token=${token}`;
}

/** True when every size is already stored from this exact artwork, so rendering can be skipped. */
async function isUpToDate(files: readonly File[], artworkHash: string): Promise<boolean> {
  const stored = await Promise.all(
    files.map(async (file) => {
      const [exists] = await file.exists();
      if (!exists) return false;
      const [metadata] = await file.getMetadata();
      return metadata.metadata?.hearthArtwork === artworkHash;
    }),
  );
  return stored.every(Boolean);
}

async function renderAndUpload(
  bucket: Bucket,
  svg: string,
  artworkHash: string,
  files: readonly File[],
): Promise<void> {
  const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
  await Promise.all(
    imageSizes.map(async (size, index) => {
      const width = imageWidths[size];
      const webp = await sharp(data, { raw: info }).resize(width, heightFor(width)).webp(WEBP).toBuffer();
      const file = files[index];
      if (!file) throw new Error(`No file for size ${size}`);
      await file.save(webp, {
        resumable: false,
        contentType: "image/webp",
        metadata: {
          cacheControl: CACHE_CONTROL,
          metadata: {
            firebaseStorageDownloadTokens: downloadToken(bucket.name, file.name),
            hearthArtwork: artworkHash,
          },
        },
      });
    }),
  );
}

export interface ImageInput {
  productId: string;
  name: string;
  category: SeedCategory;
}

export interface GeneratedImage {
  image: ProductImage;
  rendered: boolean;
}

/** Renders the product's artwork at every size (unless already stored), uploads it, returns the image record. */
export async function generateProductImage(
  storage: Storage,
  target: EmulatorTarget,
  input: ImageInput,
): Promise<GeneratedImage> {
  const svg = productSvg(input.name, input.category, input.productId, await canRenderText());
  const artworkHash = createHash("sha256")
    .update(JSON.stringify({ svg, imageWidths, WEBP }))
    .digest("hex")
    .slice(0, 16);
  const bucket = storage.bucket(target.bucket);
  const files = imageSizes.map((size) => bucket.file(imagePath(input.productId, size)));

  const rendered = !(await isUpToDate(files, artworkHash));
  if (rendered) await renderAndUpload(bucket, svg, artworkHash, files);

  const urls = Object.fromEntries(
    imageSizes.map((size) => [size, downloadUrl(target, imagePath(input.productId, size))]),
  );
  const image = productImageSchema.parse({
    path: imagePath(input.productId, "full"),
    width: imageWidths.full,
    height: heightFor(imageWidths.full),
    urls,
    alt: input.name,
  });
  return { image, rendered };
}
