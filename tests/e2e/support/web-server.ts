import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorHost } from "./emulators";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const webDir = path.join(repoRoot, "apps/web");
const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");

export type WebServer = {
  url: string;
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not pick a free port"));
      });
    });
  });
}

/**
 * Serves the production build of apps/web (`npm run build:web`) with `next start`.
 * The server inherits the emulator hosts of `emulators:exec`; server-side reads
 * follow FIRESTORE_EMULATOR_HOST at runtime, whatever the build inlined.
 */
export async function startWebServer({
  timeoutMs = 60_000,
  port: wantedPort,
}: { timeoutMs?: number; port?: number } = {}): Promise<WebServer> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(webDir, distDir, "BUILD_ID"))) {
    throw new Error(`apps/web has no production build in ${distDir}: run \`npm run build:web\` first`);
  }
  const port = wantedPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: emulatorHost("FIRESTORE_EMULATOR_HOST"),
        NEXT_PUBLIC_AUTH_EMULATOR_HOST: emulatorHost("FIREBASE_AUTH_EMULATOR_HOST"),
        NEXT_PUBLIC_STORAGE_EMULATOR_HOST: emulatorHost("FIREBASE_STORAGE_EMULATOR_HOST"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );

  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const server: WebServer = { url, output: () => output, stop: () => stopProcess(child) };
  try {
    await waitUntilServing(url, child, timeoutMs);
  } catch (error) {
    await server.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`next start did not come up: ${reason}\n${output}`);
  }
  return server;
}

async function waitUntilServing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      // Any HTTP answer means the server is up; the test judges the page itself.
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const forceKill = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forceKill);
}
