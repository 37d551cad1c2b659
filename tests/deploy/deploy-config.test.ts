import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { deployConfig, root } from "../../scripts/deploy-config";

const functionsConfigSchema = z.array(z.object({ source: z.string(), ignore: z.array(z.string()) }));
type ReaddirRecursive = (options: { path: string; ignore: string[] }) => Promise<{ name: string }[]>;

// The listing firebase-tools zips for a functions upload (deploy/functions/prepareFunctionsUpload.js).
const { readdirRecursive: listUpload } = z
  .object({ readdirRecursive: z.custom<ReaddirRecursive>((value) => typeof value === "function") })
  .parse(createRequire(import.meta.url)("firebase-tools/lib/fsAsync.js"));

async function firebaseJson(): Promise<Record<string, unknown>> {
  return z
    .record(z.string(), z.unknown())
    .parse(JSON.parse(await readFile(path.join(root, "firebase.json"), "utf8")));
}

describe("what `firebase deploy` uploads for the functions", () => {
  let dir: string;
  const files = [
    "package.json",
    "lib/index.js",
    "src/index.ts",
    "node_modules/stripe/index.js",
    ".env",
    ".env.my-shop",
    ".env.demo-hearth",
    ".env.local",
    ".secret.local",
  ];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "hearth-upload-"));
    for (const file of files) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "x");
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("leaves out the emulators' secrets and env files, and keeps a project's own env", async () => {
    const [functions] = functionsConfigSchema.parse((await firebaseJson()).functions);
    const ignore = [...(functions?.ignore ?? []), "firebase-debug.log", "firebase-debug.*.log"];

    const uploaded = (await listUpload({ path: dir, ignore })).map((file) => path.relative(dir, file.name));

    expect(uploaded.sort()).toEqual([".env", ".env.my-shop", "lib/index.js", "package.json"]);
  });
});

describe("the extensions that deploy installs", () => {
  it("keeps the Trigger Email manifest out of firebase.json, where the emulators would fetch it", async () => {
    expect(await firebaseJson()).not.toHaveProperty("extensions");
    const config = deployConfig();
    expect(config.extensions).toEqual({
      "firestore-send-email": expect.stringMatching(/^firebase\/firestore-send-email@\d+\.\d+\.\d+$/),
    });
    expect(config.firestore).toEqual((await firebaseJson()).firestore);
  });

  it("reads the mail collection the functions write, and commits no SMTP secret", async () => {
    const env = await readFile(path.join(root, "extensions/firestore-send-email.env"), "utf8");
    const params = Object.fromEntries(
      env
        .split("\n")
        .filter((line) => line.trim() !== "" && !line.startsWith("#"))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(params.MAIL_COLLECTION).toBe("mail");
    expect(params.SMTP_PASSWORD).toMatch(
      /^projects\/\$\{param:PROJECT_ID\}\/secrets\/[^/]+\/versions\/latest$/,
    );
    expect(params).not.toHaveProperty("SMTP_CONNECTION_URI");
  });
});
