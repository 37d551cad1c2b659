// Every benchmark `npm run bench` runs, in order, and where each runs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const RESULTS_DIR = path.join(ROOT, "bench-results");

export interface Bench {
  /** The `bench` its figures carry (bench-results/<name>.figures.json). */
  name: string;
  file: string;
  /**
   * none: no emulators. shared: one emulators:exec session for all of them, in order (saga and
   * hot-product clear Firestore, web seeds the demo store, images uses a product of its own).
   * cost: a session of its own, whose functions reach Firestore through a counting proxy that the
   * other benchmarks' timings should not pay for (cost-session.ts).
   */
  session: "none" | "shared" | "cost";
}

export const BENCHES: readonly Bench[] = [
  { name: "cold-start", file: "cold-start.ts", session: "none" },
  { name: "saga", file: "saga.ts", session: "shared" },
  { name: "hot-product", file: "hot-product.ts", session: "shared" },
  { name: "web", file: "web.ts", session: "shared" },
  { name: "images", file: "images.ts", session: "shared" },
  { name: "cost", file: "journey-cost.ts", session: "cost" },
];

export const benchPath = (bench: Bench) => path.join(ROOT, "scripts/bench", bench.file);
export const available = (bench: Bench) => existsSync(benchPath(bench));

/** Runs a command from the repository root with inherited output; resolves with its exit code. */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        PATH: `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
        ...env,
      },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `firebase emulators:exec` of the suite the benchmarks use, through the project's wrapper. */
export function inEmulators(command: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const args = [
    "tools/emulators/firebase.mjs",
    "emulators:exec",
    "--only",
    "auth,firestore,storage,functions",
    command,
  ];
  return run(process.execPath, args, env);
}
