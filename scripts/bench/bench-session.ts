// Runs the named benchmarks one after another inside one emulators:exec session (run-all.ts
// starts it) and records each one's exit code in the JSON file given first, so a crash of one
// does not hide the others' figures.
import { writeFileSync } from "node:fs";
import { available, BENCHES, benchPath, run } from "./bench-list";

async function main(): Promise<void> {
  const [statusFile, ...names] = process.argv.slice(2);
  if (!statusFile) throw new Error("usage: bench-session.ts <status.json> <bench>…");
  const codes: Record<string, number | "not available"> = {};
  for (const name of names) {
    const bench = BENCHES.find((candidate) => candidate.name === name);
    if (!bench) throw new Error(`No benchmark ${name}`);
    if (!available(bench)) {
      codes[name] = "not available";
      continue;
    }
    console.log(`\n━━ ${name} ━━`);
    codes[name] = await run("tsx", [benchPath(bench)]);
    writeFileSync(statusFile, JSON.stringify(codes));
  }
  writeFileSync(statusFile, JSON.stringify(codes));
}

main().catch((error: unknown) => {
  console.error("bench session failed:", error);
  process.exit(1);
});
