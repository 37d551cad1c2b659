import { defineConfig } from "vitest/config";

// Emulator projects run one file at a time: they share one set of emulators
// and clear data between tests.
export default defineConfig({
  test: {
    // Functions log JSON lines; show a test's output only when it fails.
    silent: "passed-only",
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/test/**/*.test.ts",
            "functions/test/unit/**/*.test.ts",
            "tests/deploy/**/*.test.ts",
            "apps/web/test/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "rules",
          include: ["tests/rules/**/*.test.ts"],
          // Loads the rules once and fails the run if any rule expression was never evaluated.
          globalSetup: ["tests/rules/coverage-gate.ts"],
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: "functions",
          include: ["tests/functions/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
