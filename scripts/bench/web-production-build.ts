// The production build the web benchmark serves: `npm run build:web` (tools/emulators/web-build.mjs)
// into a folder of its own, with the browser's Firestore host pointed at the counting proxy.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const webDir = path.join(root, "apps/web");
const STAMP = "hearth-bench.json";

/**
 * Beside .next (tests) and .next-<offset>: rebuilding either while a test serves it would break
 * that test, and this build differs from theirs in the inlined Firestore host.
 */
export function benchDistDir(offset: number): string {
  return offset > 0 ? `.next-bench-${offset}` : ".next-bench";
}

/** The Firestore host the last bench build in distDir inlined for the browser, if any. */
export function builtFirestoreHost(distDir: string): string | null {
  const stamp = path.join(webDir, distDir, STAMP);
  if (!existsSync(path.join(webDir, distDir, "BUILD_ID")) || !existsSync(stamp)) return null;
  const parsed: unknown = JSON.parse(readFileSync(stamp, "utf8"));
  return typeof parsed === "object" && parsed !== null && "firestoreHost" in parsed
    ? String(parsed.firestoreHost)
    : null;
}

export async function buildWeb({
  distDir,
  firestoreHost,
  logFile,
}: {
  distDir: string;
  firestoreHost: string;
  logFile: string;
}): Promise<void> {
  // next build rewrites next-env.d.ts to import the types of the distDir it builds; the committed
  // file names .next, so it is put back as it was.
  const nextEnv = path.join(webDir, "next-env.d.ts");
  const nextEnvBefore = readFileSync(nextEnv, "utf8");
  const log = createWriteStream(logFile);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ["tools/emulators/web-build.mjs"], {
        cwd: root,
        env: {
          ...process.env,
          NEXT_DIST_DIR: distDir,
          NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: firestoreHost,
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.pipe(log, { end: false });
      child.stderr.pipe(log, { end: false });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (code !== 0) {
      const tail = readFileSync(logFile, "utf8").split("\n").slice(-40).join("\n");
      throw new Error(`next build failed (exit ${code}); end of ${logFile}:\n${tail}`);
    }
    writeFileSync(path.join(webDir, distDir, STAMP), JSON.stringify({ firestoreHost }));
  } finally {
    await new Promise((resolve) => log.end(resolve));
    if (readFileSync(nextEnv, "utf8") !== nextEnvBefore) writeFileSync(nextEnv, nextEnvBefore);
  }
}
