// Runs the project's pinned firebase-tools with the emulator cache provisioned
// (see provision.mjs). `emulators:exec` gets --ui only when the UI is cached,
// because downloading it is impossible offline and would abort the start.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { provision } from "./provision.mjs";
import { webDistDir } from "./web-build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const { cacheDir, ui } = await provision();

// HEARTH_PORT_OFFSET=N runs a second, independent emulator suite (every port + N),
// e.g. a test run beside `npm run dev`. firebase-tools reads --config from the project root.
const offset = Number(process.env.HEARTH_PORT_OFFSET ?? 0);
const lineReader = path.join(root, "tools", "emulators", "storage-runtime-lines.mjs");
const env = {
  ...process.env,
  FIREBASE_EMULATORS_PATH: cacheDir,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${JSON.stringify(lineReader)}`.trim(),
};
if (offset > 0 && args[0]?.startsWith("emulators:")) {
  // The browser tests serve this suite's own build (npm run build:web with the same offset).
  env.NEXT_DIST_DIR ??= webDistDir(offset);
  // The Storage emulator keeps blobs under $TMPDIR/firebase and deletes them on exit.
  env.TMPDIR = path.join(os.tmpdir(), `hearth-emulators-${offset}`);
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  const config = JSON.parse(fs.readFileSync(path.join(root, "firebase.json"), "utf8"));
  const defaults = { eventarc: 9299, tasks: 9499 };
  for (const [name, port] of Object.entries(defaults)) config.emulators[name] ??= { host: "127.0.0.1", port };
  for (const emulator of Object.values(config.emulators)) {
    if (typeof emulator === "object" && emulator.port) emulator.port += offset;
  }
  config.emulators.firestore.websocketPort = 9150 + offset;
  // The storefront moves too: the functions' STOREFRONT_URL (the local pay page's origin) gets the
  // same offset, through a copy of functions/.env* that this suite's Functions emulator reads.
  const envDir = path.join(".cache", `functions-env-${offset}`);
  fs.mkdirSync(path.join(root, envDir), { recursive: true });
  for (const file of fs.readdirSync(path.join(root, "functions")).filter((f) => f.startsWith(".env"))) {
    const text = fs.readFileSync(path.join(root, "functions", file), "utf8");
    const shifted = text.replace(
      /^(STOREFRONT_URL=https?:\/\/[^:/\s]+):(\d+)/m,
      (_, origin, port) => `${origin}:${Number(port) + offset}`,
    );
    fs.writeFileSync(path.join(root, envDir, file), shifted);
  }
  for (const functions of [config.functions].flat()) functions.configDir = envDir;
  const name = `firebase.port-${offset}.json`;
  fs.writeFileSync(path.join(root, name), JSON.stringify(config, null, 2));
  args.push("--config", name);
}

// firebase.json also names the App Hosting backend (for deploys); its emulator would run the root's
// `npm run dev` beside this suite. Without --only, start the suite the scripts use.
if (
  (args[0] === "emulators:start" || args[0] === "emulators:exec") &&
  !args.some((arg) => arg.startsWith("--only"))
) {
  args.splice(1, 0, "--only", "auth,firestore,storage,functions");
}

if (args[0] === "emulators:exec" && ui && process.env.CI !== "true" && !args.includes("--ui")) {
  args.splice(1, 0, "--ui");
}

const child = spawn(path.join(root, "node_modules", ".bin", "firebase"), args, {
  cwd: root,
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
