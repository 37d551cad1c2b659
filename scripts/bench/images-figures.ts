// The image benchmark's results as figures for `npm run bench`, with the goals it prints.
import type { Figure } from "./figures";

export interface ImageMeasurements {
  /** Pipeline step ÷ one plain sharp resize, CPU time (medians). */
  speed: { ratio: number; pipelineCpuMs: number; referenceCpuMs: number };
  /** Worst peak RSS of the pipeline on 50 MP originals, and the function's configured memory. */
  memory: { worstMiB: number; configuredMiB: number };
  /** Upload → entry on the product on the emulators; null outside them. */
  upload: { firstMs: number; medianMs: number } | null;
}

export function imageFigures({
  speed: { ratio },
  memory: { worstMiB, configuredMiB },
  upload,
}: ImageMeasurements): Figure[] {
  const share = (100 * worstMiB) / configuredMiB;
  const figures: Figure[] = [
    {
      id: "images.pipelineVsResize",
      bench: "images",
      label: "pipeline step ÷ one sharp resize (CPU time, 12 MP JPEG)",
      value: Number(ratio.toFixed(3)),
      unit: "×",
      goal: "≤ 1.25×",
      ok: ratio <= 1.25,
      better: "lower",
    },
    {
      id: "images.peakMemoryShare",
      bench: "images",
      label: `worst peak RSS (50 MP) ÷ the function's ${configuredMiB} MiB`,
      value: Math.round(share),
      unit: "%",
      goal: "≤ 50 %",
      ok: share <= 50,
      better: "lower",
    },
  ];
  if (upload) {
    figures.push({
      id: "images.uploadToVisibleMs",
      bench: "images",
      label: "upload → image on the product, emulators (median after the first)",
      value: Math.round(upload.medianMs),
      unit: "ms",
      better: "lower",
    });
  }
  return figures;
}
