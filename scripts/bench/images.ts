// Image pipeline benchmark: `npm run bench:images` (BENCH_IMAGE_ROUNDS=N, default 20). Prints
// figures; it is a measurement, not a pass/fail test.
// 1. Speed: ms per 12 MP JPEG for the whole pipeline step next to sharp alone doing one resize to
//    the `full` width at default settings, run alternately in one process. CPU time is the figure
//    to read (on a busy shared machine wall time swings by 2× between runs); wall time beside it.
// 2. Memory: peak RSS of a fresh process (loading what the function loads) processing the largest
//    originals the pipeline accepts (50 MP), against the memory the function is configured with.
// 3. On the emulators (when run through emulators:exec): upload → entry on the product.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { initializeApp } from "firebase-admin/app";
import { getFirestore, Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import { productSchema } from "@hearth/domain";
import sharp from "sharp";
import { IMAGE_FUNCTION_MEMORY } from "../../functions/src/images/options";
import { writeFigures } from "./figures";
import { imageFigures, type ImageMeasurements } from "./images-figures";
import { writeSamples, type Sample } from "./images-samples";
import { variants, type VariantName } from "./images-variants";
import { percentile, PROJECT } from "./support";

const ROUNDS = Number(process.env.BENCH_IMAGE_ROUNDS ?? 20);
const UPLOADS = Number(process.env.BENCH_IMAGE_UPLOADS ?? 5);
const WORKER = fileURLToPath(new URL("./images-worker.ts", import.meta.url));

const median = (values: readonly number[]): number => percentile(values, 50);
const fixed = (value: number, digits = 0): string => value.toFixed(digits);

interface Timing {
  wall: number[];
  /** CPU time of the process (all threads): what a busy shared machine disturbs least. */
  cpu: number[];
}

/** Every variant once per round, in a rotating order, after one warm-up run each. */
async function timeVariants(input: Buffer, names: readonly VariantName[]): Promise<Map<VariantName, Timing>> {
  const times = new Map<VariantName, Timing>(names.map((name) => [name, { wall: [], cpu: [] }]));
  for (const name of names) await variants[name](input);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      if (name === undefined) continue;
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await variants[name](input);
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      times.get(name)?.wall.push(wall);
      times.get(name)?.cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
  return times;
}

interface MemoryRun {
  baselineMiB: number;
  startupPeakMiB: number;
  peakMiB: number;
  ms: number;
}

function memoryOf(variant: VariantName, sample: Sample): MemoryRun {
  const run = spawnSync(process.execPath, ["--import", "tsx", WORKER, variant, sample.file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`Worker ${variant} ${sample.label} failed: ${run.stderr}`);
  const parsed: unknown = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "");
  const number = (field: keyof MemoryRun): number => {
    const value =
      typeof parsed === "object" && parsed !== null && field in parsed ? Reflect.get(parsed, field) : null;
    if (typeof value !== "number") throw new Error(`Worker printed ${run.stdout}`);
    return value;
  };
  return {
    baselineMiB: number("baselineMiB"),
    startupPeakMiB: number("startupPeakMiB"),
    peakMiB: number("peakMiB"),
    ms: number("ms"),
  };
}

function mebibytes(memory: string): number {
  const match = /^(\d+)(MiB|GiB)$/.exec(memory);
  if (!match?.[1]) throw new Error(`Unreadable memory setting ${memory}`);
  return Number(match[1]) * (match[2] === "GiB" ? 1024 : 1);
}

async function speed(
  sample: Sample,
): Promise<{ ratio: number; pipelineCpuMs: number; referenceCpuMs: number }> {
  const input = readFileSync(sample.file);
  const names: VariantName[] = ["reference", "pipeline", "eachDecode", "sharedFullDecode"];
  const times = await timeVariants(input, names);
  const of = (name: VariantName) => times.get(name) ?? { wall: [], cpu: [] };
  const reference = of("reference");
  console.log(
    `\nSpeed: ${sample.label} (${sample.width} × ${sample.height}, ${fixed(sample.bytes / 1e6, 1)} MB), ` +
      `median of ${ROUNDS} alternating rounds; CPU time (wall time)`,
  );
  const labels: Record<VariantName, string> = {
    reference: "sharp alone: one resize to the full width, defaults",
    pipeline: "pipeline step (check, decode, rotate, 3 sizes, placeholder)",
    eachDecode: "  alternative: each size decoded from the original",
    sharedFullDecode: "  alternative: one full-resolution decode shared by all sizes",
  };
  for (const name of names) {
    const { wall, cpu } = of(name);
    const ratio = (values: number[], base: number[]) => ` ${fixed(median(values) / median(base), 2)}×`;
    console.log(
      `  ${labels[name].padEnd(62)} ${fixed(median(cpu)).padStart(5)} ms (${fixed(median(wall))} ms)` +
        (name === "reference" ? "" : `${ratio(cpu, reference.cpu)} (${ratio(wall, reference.wall).trim()})`),
    );
  }
  const ratio = median(of("pipeline").cpu) / median(reference.cpu);
  const wallRatio = median(of("pipeline").wall) / median(reference.wall);
  console.log(
    `  goal: pipeline ≤ 1.25× the single resize → ${fixed(ratio, 2)}× CPU, ${fixed(wallRatio, 2)}× wall: ` +
      (ratio <= 1.25 ? "met" : "MISSED"),
  );
  return { ratio, pipelineCpuMs: median(of("pipeline").cpu), referenceCpuMs: median(reference.cpu) };
}

function memory(samples: Record<string, Sample>): ImageMeasurements["memory"] {
  const configured = mebibytes(IMAGE_FUNCTION_MEMORY);
  console.log(
    `\nMemory: peak RSS while processing, one fresh process per row (it loads firebase-admin and ` +
      `firebase-functions, as the function does); the function is configured with ${IMAGE_FUNCTION_MEMORY}`,
  );
  const rows: [string, VariantName][] = [
    ["jpeg50", "reference"],
    ["jpeg50", "pipeline"],
    ["jpeg50", "sharedFullDecode"],
    ["jpeg50p", "pipeline"],
    ["webp50", "pipeline"],
    ["png50", "pipeline"],
  ];
  let worst = 0;
  for (const [key, variant] of rows) {
    const sample = samples[key];
    if (!sample) throw new Error(`No sample ${key}`);
    const run = memoryOf(variant, sample);
    if (variant === "pipeline") worst = Math.max(worst, run.peakMiB);
    console.log(
      `  ${`${sample.label}, ${variant}`.padEnd(44)} peak ${fixed(run.peakMiB).padStart(4)} MiB` +
        ` = ${fixed((100 * run.peakMiB) / configured).padStart(2)}% of ${configured} MiB` +
        `  (before: ${fixed(run.baselineMiB)} MiB, start-up peak ${fixed(run.startupPeakMiB)}; ${fixed(run.ms)} ms)`,
    );
  }
  console.log(
    `  goal: peak ≤ half the configured memory (${configured / 2} MiB) → worst pipeline peak ${fixed(worst)} MiB ` +
      (worst <= configured / 2 ? "met" : "MISSED"),
  );
  return { worstMiB: worst, configuredMiB: configured };
}

/** Uploads the sample as an admin would and times until its entry is on the product. */
async function uploadToVisible(sample: Sample): Promise<ImageMeasurements["upload"]> {
  if (!process.env.FIREBASE_STORAGE_EMULATOR_HOST || !process.env.FIRESTORE_EMULATOR_HOST) {
    console.log("\nUpload → visible: skipped (run through `npm run bench:images` for the emulators)");
    return null;
  }
  const app = initializeApp({ projectId: PROJECT }, "bench-images");
  const db = getFirestore(app);
  const bucket = getStorage(app).bucket(`${PROJECT}.appspot.com`);
  const productId = "bench-images";
  const ref = db.collection("products").doc(productId);
  const now = Timestamp.now();
  await ref.set(
    productSchema.parse({
      name: "Bench lamp",
      slug: productId,
      description: "",
      priceCents: 1_000,
      currency: "USD",
      categoryId: "bench",
      tags: [],
      status: "draft",
      stock: 1,
      images: [],
      searchTokens: [],
      createdAt: now,
      updatedAt: now,
    }),
  );
  const data = readFileSync(sample.file);
  const totals: number[] = [];
  const uploads: number[] = [];
  try {
    for (let i = 0; i < UPLOADS; i++) {
      const name = `products/${productId}/original/bench-${i}.jpg`;
      const visible = entryAppears(ref, name);
      const started = performance.now();
      await bucket.file(name).save(data, { resumable: false, contentType: "image/jpeg" });
      uploads.push(performance.now() - started);
      await visible;
      totals.push(performance.now() - started);
    }
  } finally {
    await ref.delete();
    await bucket.deleteFiles({ prefix: `products/${productId}/`, force: true });
  }
  const [cold = Number.NaN, ...warm] = totals;
  console.log(`\nUpload → visible on the emulators: ${sample.label}, ${UPLOADS} uploads one after another`);
  console.log(`  first (the function's worker starts): ${fixed(cold)} ms`);
  console.log(
    `  then: median ${fixed(median(warm))} ms (min ${fixed(Math.min(...warm))}, max ${fixed(Math.max(...warm))}), ` +
      `of which the upload itself ${fixed(median(uploads.slice(1)))} ms`,
  );
  return { firstMs: cold, medianMs: median(warm) };
}

/** Resolves when the product lists an image whose path is `name`. */
function entryAppears(ref: DocumentReference, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`Timed out waiting for ${name} on ${ref.path}`));
    }, 60_000);
    const unsubscribe = ref.onSnapshot((snap) => {
      const images: unknown = snap.get("images");
      const found =
        Array.isArray(images) &&
        images.some(
          (image: unknown) =>
            typeof image === "object" && image !== null && "path" in image && image.path === name,
        );
      if (!found) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }, reject);
  });
}

async function main(): Promise<void> {
  console.log(
    `sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, libvips threads ${sharp.concurrency()}`,
  );
  const samples = await writeSamples(path.join(tmpdir(), "hearth-bench-images"));
  const twelve = samples.jpeg12;
  if (!twelve) throw new Error("No 12 MP sample");
  const measured = {
    speed: await speed(twelve),
    memory: memory(samples),
    upload: await uploadToVisible(twelve),
  };
  writeFigures({
    bench: "images",
    measuredAt: new Date().toISOString(),
    figures: imageFigures(measured),
    details: { ...measured, rounds: ROUNDS, sharp: sharp.versions },
  });
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
