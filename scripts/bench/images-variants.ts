// What `npm run bench:images` times: the pipeline step as deployed, the reference it is judged
// against, and two other ways to make the same sizes, to show what the design trades.
import { imageWidths, planImageSizes } from "@hearth/domain";
import sharp from "sharp";
import { inspectImage } from "../../functions/src/images/inspect-image";
import { renderImage, WEBP } from "../../functions/src/images/render-image";

export type Variant = (input: Buffer) => Promise<unknown>;

export const variants = {
  /** sharp alone, one resize of the original to the `full` width at default settings. */
  reference: (input) => sharp(input).resize(imageWidths.full).webp().toBuffer(),
  /** The deployed step: header check, one decode, every size, placeholder (functions/src/images). */
  pipeline: async (input) => renderImage(input, (await inspectImage(input)).upright),
  /** Each size decoded from the original (shrink-on-load each time, three decodes). */
  eachDecode: async (input) => {
    const plan = planImageSizes((await inspectImage(input)).upright);
    for (const size of [plan.full, plan.card, plan.thumb]) {
      await sharp(input).autoOrient().resize(size.width, size.height, { fit: "fill" }).webp(WEBP).toBuffer();
    }
  },
  /** One decode at full resolution, every size resized from it (no shrink-on-load). */
  sharedFullDecode: async (input) => {
    const plan = planImageSizes((await inspectImage(input)).upright);
    const { data, info } = await sharp(input).autoOrient().raw().toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
    for (const size of [plan.full, plan.card, plan.thumb]) {
      await sharp(data, raw).resize(size.width, size.height, { fit: "fill" }).webp(WEBP).toBuffer();
    }
  },
} satisfies Record<string, Variant>;

export type VariantName = keyof typeof variants;

export function isVariantName(name: string): name is VariantName {
  return Object.hasOwn(variants, name);
}
