// `npm run deploy -- [firebase deploy options]`: `firebase deploy` plus the extensions in
// extensions/manifest.json. The manifest stays out of firebase.json because any emulator run
// without --only would start the Extensions emulator, which downloads each extension and fails
// offline; this script hands firebase deploy a copy of firebase.json that has it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { DEPLOY_CONFIG, deployConfig, root } from "./deploy-config";

fs.writeFileSync(path.join(root, DEPLOY_CONFIG), `${JSON.stringify(deployConfig(), null, 2)}\n`);

const child = spawn(
  path.join(root, "node_modules", ".bin", "firebase"),
  ["deploy", "--config", DEPLOY_CONFIG, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  fs.rmSync(path.join(root, DEPLOY_CONFIG), { force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
