// One measurement in a fresh process, so its peak RSS is that of one image:
// `node --import tsx scripts/bench/images-worker.ts <variant> <file>` prints
// { baselineMiB, startupPeakMiB, peakMiB, ms }: RSS before processing, the process's peak before
// processing, and its peak while processing.
import { readFileSync } from "node:fs";
// What the deployed function loads besides the pipeline, so the baseline is the function's.
import "firebase-admin/firestore";
import "firebase-admin/storage";
import "firebase-functions";
import { isVariantName, variants } from "./images-variants";

/** RSS in MiB now, and the process's peak so far (maxRSS is in KiB). */
const rss = (): number => process.memoryUsage.rss() / 2 ** 20;
const maxRss = (): number => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [name = "", file = ""] = process.argv.slice(2);
  if (!isVariantName(name)) throw new Error(`Unknown variant "${name}"`);
  const input = readFileSync(file);
  const baselineMiB = rss();
  // Loading modules (tsx compiles them here; the deployed bundle does not) can peak higher than
  // processing does, hiding it in maxRSS: sample RSS while the image is processed as well.
  const startupPeakMiB = maxRss();
  let sampled = baselineMiB;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, rss());
  }, 2);
  const started = performance.now();
  await variants[name](input);
  const ms = performance.now() - started;
  clearInterval(timer);
  const peakAfter = maxRss();
  // A new maximum set during processing is exact; otherwise the samples tell.
  const peakMiB = peakAfter > startupPeakMiB ? peakAfter : Math.max(sampled, rss());
  console.log(JSON.stringify({ baselineMiB, startupPeakMiB, peakMiB, ms }));
}

main().catch((error: unknown) => {
  console.error("images worker failed:", error);
  process.exit(1);
});
