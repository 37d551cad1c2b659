import sharp from "sharp";
import { imageSizes, type ImageSize, type ProductImage } from "@hearth/domain";
import { uploadFile } from "./admin";

const ART_WIDTH = 1200;
const ART_HEIGHT = 900;
const VARIANT_WIDTHS: Record<ImageSize, number> = { thumb: 160, card: 480, full: 1200 };

/** A plain picture standing in for a product photo, so screenshots show real images. */
function artSvg(label: string, hue: number): string {
  const initials = label
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${ART_WIDTH}" height="${ART_HEIGHT}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue}, 60%, 86%)"/>
      <stop offset="1" stop-color="hsl(${(hue + 30) % 360}, 55%, 70%)"/>
    </linearGradient>
  </defs>
  <rect width="${ART_WIDTH}" height="${ART_HEIGHT}" fill="url(#bg)"/>
  <circle cx="600" cy="450" r="280" fill="hsl(${hue}, 45%, 40%)" fill-opacity="0.18"/>
  <text x="600" y="545" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="260"
    font-weight="700" fill="hsl(${hue}, 45%, 28%)">${initials}</text>
</svg>`;
}

/**
 * Renders and uploads the three WebP sizes where the image pipeline puts them
 * (products/{id}/images/, publicly readable by the storage rules).
 */
export async function uploadProductArt(productId: string, name: string, hue: number): Promise<ProductImage> {
  const svg = Buffer.from(artSvg(name, hue));
  const entries = await Promise.all(
    imageSizes.map(async (size) => {
      const width = VARIANT_WIDTHS[size];
      const height = Math.round((width * ART_HEIGHT) / ART_WIDTH);
      const webp = await sharp(svg).resize(width, height).webp().toBuffer();
      const url = await uploadFile(`products/${productId}/images/${size}.webp`, webp, "image/webp");
      return [size, url] as const;
    }),
  );
  return {
    path: `products/${productId}/images/full.webp`,
    width: ART_WIDTH,
    height: ART_HEIGHT,
    urls: Object.fromEntries(entries),
    alt: `${name}, product photo`,
  };
}
