import { createHash } from "node:crypto";
import sharp from "sharp";
import type { SeedCategory } from "./catalog";

export const ARTWORK_WIDTH = 1200;
export const ARTWORK_HEIGHT = 900;

const FONT = "sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A stable pseudo-random number in [0, 1) per product and purpose, so re-seeding draws the same picture. */
function noise(seed: string, salt: string): number {
  return createHash("sha256").update(`${seed}:${salt}`).digest().readUInt32BE(0) / 2 ** 32;
}

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function patternTile(category: SeedCategory, size: number): string {
  const ink = `fill="none" stroke="#fff" stroke-opacity="0.18" stroke-width="${Math.round(size / 8)}"`;
  switch (category.pattern) {
    case "dots":
      return `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 6}" fill="#fff" fill-opacity="0.18"/>`;
    case "stripes":
      return `<rect width="${size / 3}" height="${size}" fill="#fff" fill-opacity="0.12"/>`;
    case "waves": {
      // Crest to trough with level ends, so neighbouring tiles join without seams.
      const [high, low, q] = [size * 0.35, size * 0.65, size / 4];
      return `<path d="M0 ${high} C ${q} ${high} ${q} ${low} ${2 * q} ${low} S ${3 * q} ${high} ${size} ${high}" ${ink}/>`;
    }
    case "rings":
      return `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 3}" ${ink}/>`;
  }
}

/**
 * The category pattern, tiled by hand in a rotated group: librsvg renders a rotated <pattern>
 * about five times slower, and rendering is most of the seed's time.
 */
function patternLayer(category: SeedCategory, seed: string): { def: string; layer: string } {
  const size = 60 + Math.round(noise(seed, "size") * 60);
  const angle = Math.round(noise(seed, "angle") * 90);
  const [cx, cy] = [ARTWORK_WIDTH / 2, ARTWORK_HEIGHT / 2];
  const reach = Math.ceil(Math.hypot(cx, cy) / size) * size;
  const uses: string[] = [];
  for (let x = cx - reach - size; x < cx + reach; x += size) {
    for (let y = cy - reach - size; y < cy + reach; y += size)
      uses.push(`<use href="#tile" x="${x}" y="${y}"/>`);
  }
  return {
    def: `<g id="tile">${patternTile(category, size)}</g>`,
    layer: `<g transform="rotate(${angle} ${cx} ${cy})">${uses.join("")}</g>`,
  };
}

/** The SVG artwork for one product: category gradient and pattern, with the name on a soft panel. */
export function productSvg(name: string, category: SeedCategory, seed: string, withText: boolean): string {
  const [from, to] = category.colors;
  const w = ARTWORK_WIDTH;
  const h = ARTWORK_HEIGHT;
  const orbX = Math.round(w * (0.15 + noise(seed, "x") * 0.7));
  const orbY = Math.round(h * (0.15 + noise(seed, "y") * 0.7));
  const pattern = patternLayer(category, seed);
  const lines = wrap(name, 14);
  // Bold sans glyphs average about 0.66 em; keep the longest line inside the 880 px panel.
  const longest = Math.max(...lines.map((line) => line.length));
  const fontSize = Math.min(lines.length > 2 ? 88 : 104, Math.floor(880 / (longest * 0.66)));
  const textTop = h / 2 - ((lines.length - 1) * fontSize * 1.1) / 2 + fontSize * 0.35;
  const text = withText
    ? `<text x="${w / 2}" y="${h / 2 - (lines.length * fontSize * 1.1) / 2 - 40}" text-anchor="middle"
          font-family="${FONT}" font-size="34" letter-spacing="8" fill="#fff" fill-opacity="0.85">${escapeXml(category.name.toUpperCase())}</text>
       <text text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="${fontSize}" fill="#fff">
         ${lines.map((line, i) => `<tspan x="${w / 2}" y="${textTop + i * fontSize * 1.1}">${escapeXml(line)}</tspan>`).join("")}
       </text>`
    : `<circle cx="${w / 2}" cy="${h / 2}" r="170" fill="none" stroke="#fff" stroke-width="26" stroke-opacity="0.9"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
    <radialGradient id="o"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
    ${pattern.def}
  </defs>
  <rect width="${w}" height="${h}" fill="url(#g)"/>
  ${pattern.layer}
  <circle cx="${orbX}" cy="${orbY}" r="${Math.round(h * 0.55)}" fill="url(#o)"/>
  <rect x="${w * 0.1}" y="${h * 0.22}" width="${w * 0.8}" height="${h * 0.56}" rx="48" fill="#000" fill-opacity="0.16"/>
  ${text}
</svg>`;
}

let textSupport: Promise<boolean> | undefined;

async function inkWidth(text: string): Promise<number> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><text x="10" y="45" font-family="${FONT}" font-size="40">${text}</text></svg>`;
  const { info } = await sharp(Buffer.from(svg)).trim().toBuffer({ resolveWithObject: true });
  return info.width;
}

/**
 * Whether librsvg finds a real font here; without one the artwork falls back to shapes only.
 * Missing fonts still draw equal-width "tofu" boxes, so compare a narrow and a wide word.
 */
export function canRenderText(): Promise<boolean> {
  textSupport ??= Promise.all([inkWidth("iiii"), inkWidth("MMMM")]).then(
    ([narrow, wide]) => wide > narrow * 1.5,
    () => false,
  );
  return textSupport;
}
