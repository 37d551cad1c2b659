// `npm run bench:cost`: an emulators:exec session for journey-cost.ts in which every Functions
// worker loads functions-meter.mjs (through NODE_OPTIONS, which firebase-tools hands to its
// workers): the functions' Firestore traffic goes through the benchmark's counting proxy, and each
// invocation's duration is logged.
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inEmulators, RESULTS_DIR, ROOT } from "./bench-list";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("No port")),
      );
    });
  });
}

export async function runCostSession(env: NodeJS.ProcessEnv = {}): Promise<number> {
  const offset = Number(process.env.HEARTH_PORT_OFFSET ?? 0);
  const meter = path.join(ROOT, "scripts/bench/functions-meter.mjs");
  mkdirSync(RESULTS_DIR, { recursive: true });
  return inEmulators("tsx scripts/bench/journey-cost.ts", {
    ...env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${JSON.stringify(meter)}`.trim(),
    HEARTH_BENCH_FUNCTIONS_FIRESTORE: `127.0.0.1:${await freePort()}`,
    HEARTH_BENCH_FUNCTIONS_LOG: path.join(RESULTS_DIR, `cost-functions-${offset}.jsonl`),
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCostSession().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error("bench:cost failed to start:", error);
      process.exit(1);
    },
  );
}
