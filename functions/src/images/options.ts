import { REGION } from "../config";

/**
 * The image function's runtime. One upload at a time per instance (concurrency 1), so the peak
 * memory is one image's: `npm run bench:images` measures the peak RSS while processing a
 * 50-megapixel original (the largest accepted) at about 160 MiB for a baseline JPEG, WebP or PNG,
 * and about 290 MiB for a progressive JPEG, whose decoder holds every DCT coefficient of the
 * file however small the output. 1 GiB keeps that worst case under half of the limit. A whole
 * vCPU: sharp runs one libvips thread here (glibc Linux), and the timings assume it has a core.
 */
export const IMAGE_FUNCTION_MEMORY = "1GiB";

export const imageTriggerOptions = {
  region: REGION,
  memory: IMAGE_FUNCTION_MEMORY,
  cpu: 1,
  concurrency: 1,
  // A 50-megapixel original decodes in about a second; the rest is Storage and Firestore.
  timeoutSeconds: 120,
  maxInstances: 10,
  retry: true,
} as const;

export const imageCallableOptions = { region: REGION, memory: "256MiB", maxInstances: 10 } as const;
