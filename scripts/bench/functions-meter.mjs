// Preloaded into the Functions emulator's workers by the cost benchmark (cost-session.ts sets
// NODE_OPTIONS=--import this file; firebase-tools hands its environment to every worker). In a
// worker (FUNCTION_TARGET is set) it
// - points the Admin SDK at the benchmark's counting Firestore proxy: the emulator sets
//   FIRESTORE_EMULATOR_HOST for each worker, so only code inside the worker can move it;
// - appends one JSON line per invocation to HEARTH_BENCH_FUNCTIONS_LOG, when it starts and when
//   it ends with its duration (what the emulator logs as "Finished … in N ms").
// Anywhere else (firebase-tools itself, the benchmark, next start) it does nothing.
import { appendFileSync } from "node:fs";
import http from "node:http";

const target = process.env.FUNCTION_TARGET;
const logFile = process.env.HEARTH_BENCH_FUNCTIONS_LOG;
const firestore = process.env.HEARTH_BENCH_FUNCTIONS_FIRESTORE;

if (target && logFile) {
  if (firestore) process.env.FIRESTORE_EMULATOR_HOST = firestore;
  const note = (entry) =>
    appendFileSync(logFile, `${JSON.stringify({ fn: target, pid: process.pid, ...entry })}\n`);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function meteredEmit(event, ...args) {
    const [request, response] = args;
    if (event === "request" && !/^\/(favicon\.ico|robots\.txt)/.test(request.url ?? "")) {
      const started = performance.now();
      const at = Date.now();
      note({ event: "start", at });
      response.once("close", () => note({ event: "end", at, ms: performance.now() - started }));
    }
    return emit.call(this, event, ...args);
  };
}
