// `npm run deploy -- [firebase deploy options]`: `firebase deploy` plus the extensions in
// extensions/manifest.json. The manifest stays out of firebase.json because any emulator run
// without --only would start the Extensions emulator, which downloads each extension and fails
// offline; this script hands firebase deploy a copy of firebase.json that has it.
// When the storefront (App Hosting) is among the targets, apphosting.yaml must first hold the
// web app's Firebase config for the project named with --project: see deploy-config.ts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  APPHOSTING_YAML,
  DEPLOY_CONFIG,
  appHostingEnvProblems,
  deployConfig,
  deployTarget,
  readAppHostingEnv,
  root,
} from "./deploy-config";

const args = process.argv.slice(2);
const target = deployTarget(args);
if (target.appHosting) {
  const problems =
    target.projectId === undefined
      ? [
          `name the project (npm run deploy -- --project <project-id>): ${APPHOSTING_YAML} is checked against it`,
        ]
      : appHostingEnvProblems(readAppHostingEnv(), target.projectId);
  if (problems.length > 0) {
    console.error(
      [
        `Not deploying: ${APPHOSTING_YAML} cannot build the storefront for this project.`,
        ...problems.map((problem) => `  - ${problem}`),
        `Fill it in as README.md ("Going to production", step 3) says, or leave the storefront out: --except apphosting.`,
      ].join("\n"),
    );
    process.exit(1);
  }
}

fs.writeFileSync(path.join(root, DEPLOY_CONFIG), `${JSON.stringify(deployConfig(), null, 2)}\n`);

const child = spawn(
  path.join(root, "node_modules", ".bin", "firebase"),
  ["deploy", "--config", DEPLOY_CONFIG, ...args],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  fs.rmSync(path.join(root, DEPLOY_CONFIG), { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
