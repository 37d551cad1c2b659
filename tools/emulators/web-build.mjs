// `npm run build:web`: `next build` with the browser pointed at this suite's emulators. The browser's
// emulator hosts are inlined at build time, so a suite moved by HEARTH_PORT_OFFSET gets its own build
// in its own folder (webDistDir), which firebase.mjs hands to the tests' `next start`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the production build of a suite lives: .next, or .next-<offset> beside it. */
export function webDistDir(offset) {
  return offset > 0 ? `.next-${offset}` : ".next";
}

function emulatorHost(config, name, offset) {
  const emulator = config.emulators[name];
  return `${emulator.host}:${emulator.port + offset}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const offset = Number(process.env.HEARTH_PORT_OFFSET ?? 0);
  const config = JSON.parse(fs.readFileSync(path.join(root, "firebase.json"), "utf8"));
  const env = {
    NEXT_DIST_DIR: webDistDir(offset),
    NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: emulatorHost(config, "firestore", offset),
    NEXT_PUBLIC_AUTH_EMULATOR_HOST: emulatorHost(config, "auth", offset),
    NEXT_PUBLIC_STORAGE_EMULATOR_HOST: emulatorHost(config, "storage", offset),
    NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST: emulatorHost(config, "functions", offset),
    ...process.env,
  };
  const child = spawn("npm", ["run", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit", env });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
