// The `npm run dev` session, run inside `firebase emulators:exec`: seeds the emulators, starts
// `next dev` for apps/web pointed at them, and prints where everything is. It exits when Next.js
// does, so emulators:exec then shuts the emulators down cleanly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const accounts = JSON.parse(fs.readFileSync(path.join(root, "scripts/seed/accounts.json"), "utf8"));
const READY_TIMEOUT_MS = 5 * 60_000;
const STOP_GRACE_MS = 10_000;

const emulatorVars = [
  "FIRESTORE_EMULATOR_HOST",
  "FIREBASE_AUTH_EMULATOR_HOST",
  "FIREBASE_STORAGE_EMULATOR_HOST",
];
const missing = emulatorVars.filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(
    `dev-session: ${missing.join(", ")} not set. Start it with \`npm run dev\`, which runs the emulators.`,
  );
  process.exit(1);
}
const projectId = process.env.GCLOUD_PROJECT ?? "demo-hearth";

/** The Functions emulator names no *_EMULATOR_HOST variable: firebase.json's port, moved by the offset. */
function functionsEmulatorHost() {
  const { host, port } = JSON.parse(fs.readFileSync(path.join(root, "firebase.json"), "utf8")).emulators
    .functions;
  return `${host}:${port + Number(process.env.HEARTH_PORT_OFFSET ?? 0)}`;
}

const children = new Set();
let stopping = false;

function start(command, args, options) {
  const child = spawn(command, args, { cwd: root, shell: process.platform === "win32", ...options });
  children.add(child);
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited };
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${signal})…`);
    for (const child of children) child.kill(signal);
    setTimeout(() => {
      for (const child of children) child.kill("SIGKILL");
      process.exit(0);
    }, STOP_GRACE_MS).unref();
  });
}

async function seed() {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const { exited } = start(process.execPath, [tsx, "scripts/seed.ts"], { stdio: "inherit" });
  const { code } = await exited;
  if (stopping) process.exit(0);
  if (code !== 0) {
    console.error("dev-session: seeding failed, stopping.");
    process.exit(code ?? 1);
  }
}

function startNext() {
  const port = process.env.PORT ?? "3000";
  const env = {
    ...process.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_PUBLIC_FIREBASE_PROJECT_ID: projectId,
    NEXT_PUBLIC_FIREBASE_STORAGE_BUCKET: `${projectId}.appspot.com`,
    NEXT_PUBLIC_USE_EMULATORS: "true",
    NEXT_PUBLIC_FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST,
    NEXT_PUBLIC_AUTH_EMULATOR_HOST: process.env.FIREBASE_AUTH_EMULATOR_HOST,
    NEXT_PUBLIC_STORAGE_EMULATOR_HOST: process.env.FIREBASE_STORAGE_EMULATOR_HOST,
    NEXT_PUBLIC_FUNCTIONS_EMULATOR_HOST: functionsEmulatorHost(),
  };
  const next = start("npm", ["run", "dev", "-w", "apps/web"], { env, stdio: ["inherit", "pipe", "inherit"] });
  // Next.js moves to another port when this one is taken; its banner says which.
  const url = new Promise((resolve) => {
    let pending = "";
    next.child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      pending = (pending + chunk.toString()).slice(-4096);
      // The banner is coloured; drop ANSI escapes before matching.
      const match = /Local:\s+(https?:\/\/\S+)/.exec(pending.replace(/\u001b\[[0-9;]*m/g, ""));
      if (match) resolve(match[1].replace(/\/$/, ""));
    });
    next.exited.then(() => resolve(null));
    setTimeout(() => resolve(`http://localhost:${port}`), READY_TIMEOUT_MS).unref();
  });
  return { ...next, url };
}

/** Waits until the dev server answers anything at all; the first request also compiles the home page. */
async function waitUntilAnswering(url, exited) {
  let done = false;
  exited.then(() => (done = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!done && !stopping && Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(120_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return false;
}

async function emulatorEndpoints() {
  const fallback = {
    auth: process.env.FIREBASE_AUTH_EMULATOR_HOST,
    firestore: process.env.FIRESTORE_EMULATOR_HOST,
    storage: process.env.FIREBASE_STORAGE_EMULATOR_HOST,
  };
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) return fallback;
  try {
    const response = await fetch(`http://${hub}/emulators`, { signal: AbortSignal.timeout(3000) });
    const running = await response.json();
    const endpoints = {};
    for (const [name, info] of Object.entries(running)) {
      if (["hub", "logging", "eventarc", "tasks"].includes(name)) continue;
      endpoints[name] = `${name === "ui" ? "http://" : ""}${info.host}:${info.port}`;
    }
    return endpoints;
  } catch {
    return fallback;
  }
}

function printBox(storeUrl, endpoints, answering) {
  const lines = [
    answering ? "Hearth is running" : "Hearth is starting (the dev server has not answered yet)",
    "",
    `Store     ${storeUrl}`,
    "",
    `Emulators (project ${projectId})`,
    ...Object.entries(endpoints).map(([name, host]) => `  ${name.padEnd(10)} ${host}`),
    "",
    "Demo accounts",
    ...Object.entries(accounts).map(([role, a]) => `  ${role.padEnd(8)} ${a.email.padEnd(22)} ${a.password}`),
    "",
    "Ctrl+C to stop",
  ];
  const width = Math.max(...lines.map((line) => line.length)) + 2;
  const rule = "─".repeat(width + 2);
  console.log(`\n┌${rule}┐\n${lines.map((line) => `│  ${line.padEnd(width)}│`).join("\n")}\n└${rule}┘\n`);
}

await seed();
const next = startNext();
const storeUrl = await next.url;
if (storeUrl) {
  const answering = await waitUntilAnswering(storeUrl, next.exited);
  if (!stopping && children.size > 0) printBox(storeUrl, await emulatorEndpoints(), answering);
}
const { code, signal } = await next.exited;
if (!stopping) console.error(`dev-session: the Next.js dev server exited (${signal ?? `code ${code}`}).`);
process.exit(stopping ? 0 : (code ?? 1));
