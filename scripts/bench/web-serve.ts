// Serving the bench build (web-production-build.ts) with `next start`, its server's Firestore
// traffic sent through a counting proxy: shared by the page-load and the cost benchmarks.
import { startWebServer, type WebServer } from "../../tests/e2e/support/web-server";

/** `next start` of the build in `distDir`, reading Firestore at `firestoreHost`. */
export async function serveBuild(distDir: string, firestoreHost: string, port?: number): Promise<WebServer> {
  // startWebServer (shared with the browser tests) hands this process's environment to next start.
  const overrides = { NEXT_DIST_DIR: distDir, FIRESTORE_EMULATOR_HOST: firestoreHost };
  const saved = Object.keys(overrides).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, overrides);
  try {
    return await startWebServer(port === undefined ? {} : { port });
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
