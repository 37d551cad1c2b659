// Makes the Firebase emulators start without network access.
//
// firebase-tools downloads the Firestore emulator and the Cloud Storage rules
// runtime from Google the first time they start. Air-gapped and proxied
// machines cannot, so when the cache lacks them we build stand-ins from the
// Google Cloud SDK's Cloud Firestore emulator jar (Apache-2.0):
//   - Firestore: a launcher jar whose manifest points at the SDK jar.
//   - Storage rules: storage-rules-runtime/StorageRulesShim.java, compiled
//     against that jar; it evaluates storage.rules with the same rules engine.
// Online machines without a local SDK keep the normal download.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const REAL_DOWNLOAD_BYTES = 1_000_000;

const SDK_JAR_CANDIDATES = [
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
  "/usr/share/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
  "/opt/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
  path.join(os.homedir(), "google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar"),
];

function emulatorInfo() {
  const require = createRequire(path.join(root, "package.json"));
  return require("firebase-tools/lib/emulator/downloadableEmulatorInfo.json");
}

const isRealDownload = (file) => fs.existsSync(file) && fs.statSync(file).size > REAL_DOWNLOAD_BYTES;

function findFirestoreJar() {
  const fromEnv = process.env.FIRESTORE_EMULATOR_JAR;
  if (fromEnv) {
    const abs = path.resolve(root, fromEnv);
    if (!fs.existsSync(abs)) fail(`FIRESTORE_EMULATOR_JAR points at ${abs}, which does not exist.`);
    return abs;
  }
  return SDK_JAR_CANDIDATES.find((c) => fs.existsSync(c));
}

async function canDownload(url) {
  try {
    const res = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(4000) });
    return res.ok;
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`\n[emulators] ${message}\n`);
  process.exit(1);
}

function hasCommand(cmd) {
  try {
    execFileSync(cmd, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function writeLauncherJar(target, mainClass, sdkJar, classesDir) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-jar-"));
  const manifest = path.join(work, "MANIFEST.MF");
  // Class-Path entries are URLs relative to the jar: an absolute file URL keeps it location-proof.
  fs.writeFileSync(
    manifest,
    `Manifest-Version: 1.0\nMain-Class: ${mainClass}\nClass-Path: ${pathToFileURL(sdkJar).href}\n\n`,
  );
  const contents = classesDir ? ["-C", classesDir, "."] : ["-C", work, "MANIFEST.MF"];
  const tmp = `${target}.tmp`;
  execFileSync("jar", ["--create", "--file", tmp, "--manifest", manifest, ...contents]);
  fs.renameSync(tmp, target);
  fs.rmSync(work, { recursive: true, force: true });
}

function compileShim(cacheDir, sdkJar) {
  const source = path.join(here, "storage-rules-runtime", "StorageRulesShim.java");
  const stamp = createHash("sha256")
    .update(fs.readFileSync(source))
    .update(sdkJar)
    .update(String(fs.statSync(sdkJar).size))
    .digest("hex")
    .slice(0, 16);
  const classes = path.join(cacheDir, `storage-rules-shim-${stamp}`);
  if (!fs.existsSync(path.join(classes, "shim", "StorageRulesShim.class"))) {
    fs.rmSync(classes, { recursive: true, force: true });
    execFileSync(
      "javac",
      ["-proc:none", "-nowarn", "--release", "17", "-cp", sdkJar, "-d", classes, source],
      {
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
  }
  return { classes, stamp };
}

/** Returns the cache dir firebase-tools should use and whether the Emulator UI is cached there. */
export async function provision({ quiet = false } = {}) {
  const log = (m) => quiet || console.log(`[emulators] ${m}`);
  const info = emulatorInfo();
  const fsName = info.firestore.downloadPathRelativeToCacheDir;
  const storageName = info.storage.downloadPathRelativeToCacheDir;
  const uiName = info.ui.main.binaryPathRelativeToCacheDir.split("/")[0];
  const defaultCache =
    process.env.FIREBASE_EMULATORS_PATH || path.join(os.homedir(), ".cache", "firebase", "emulators");

  const uiCached = (dir) => fs.existsSync(path.join(dir, uiName));
  if (
    isRealDownload(path.join(defaultCache, fsName)) &&
    isRealDownload(path.join(defaultCache, storageName))
  ) {
    return { cacheDir: defaultCache, ui: uiCached(defaultCache), mode: "download" };
  }

  const sdkJar = findFirestoreJar();
  if (!sdkJar) {
    if (await canDownload(info.firestore.remoteUrl)) {
      log("no local Cloud Firestore emulator jar; firebase-tools will download the emulators.");
      return { cacheDir: defaultCache, ui: true, mode: "download" };
    }
    fail(
      "The Firestore and Storage emulators are not in the firebase-tools cache and cannot be downloaded.\n" +
        "Install the Google Cloud SDK's Firestore emulator (Debian/Ubuntu: apt-get install google-cloud-cli-firestore-emulator),\n" +
        "or point FIRESTORE_EMULATOR_JAR at a cloud-firestore-emulator jar, then run the command again.",
    );
  }
  if (!hasCommand("java") || !hasCommand("javac") || !hasCommand("jar")) {
    fail(
      "A Java 17+ JDK (java, javac, jar) is needed to run the emulators offline: apt-get install openjdk-17-jdk-headless.",
    );
  }

  const cacheDir = path.join(root, ".cache", "emulators");
  fs.mkdirSync(cacheDir, { recursive: true });
  // Reuse anything real that the user's own cache already has (the UI, other emulators).
  if (fs.existsSync(defaultCache) && path.resolve(defaultCache) !== cacheDir) {
    for (const entry of fs.readdirSync(defaultCache)) {
      const link = path.join(cacheDir, entry);
      if (!fs.existsSync(link)) fs.symlinkSync(path.join(defaultCache, entry), link);
    }
  }

  const { classes, stamp } = compileShim(cacheDir, sdkJar);
  const stampFile = path.join(cacheDir, ".hearth-stamp");
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
  const fsTarget = path.join(cacheDir, fsName);
  const storageTarget = path.join(cacheDir, storageName);
  if (current !== stamp || !fs.existsSync(fsTarget) || !fs.existsSync(storageTarget)) {
    if (!isRealDownload(fsTarget)) {
      writeLauncherJar(fsTarget, "com.google.cloud.datastore.emulator.firestore.CloudFirestore", sdkJar);
    }
    if (!isRealDownload(storageTarget)) {
      writeLauncherJar(storageTarget, "shim.StorageRulesShim", sdkJar, classes);
    }
    fs.writeFileSync(stampFile, stamp);
    log(`provisioned offline emulators in ${path.relative(root, cacheDir)} from ${sdkJar}`);
  }
  return { cacheDir, ui: uiCached(cacheDir), mode: "offline" };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { cacheDir, ui, mode } = await provision();
  console.log(
    `[emulators] ${mode} mode; FIREBASE_EMULATORS_PATH=${cacheDir}; Emulator UI ${ui ? "cached" : "not cached (off)"}`,
  );
}
