// globalSetup of the vitest "rules" project. Before the run it loads the rules once; after a
// full run it fails the run when any expression in firestore.rules was never evaluated.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { z } from "zod";
import { PROJECT_ID, emulatorUrl, loadRules, rootDir } from "./emulators";

interface CoverageNode {
  sourcePosition: { line: number; column: number; currentOffset: number; endOffset: number };
  values?: { count: number }[] | undefined;
  children?: CoverageNode[] | undefined;
}

// Only the parts of the emulator's report that the gate reads.
const coverageNodeSchema: z.ZodType<CoverageNode> = z.lazy(() =>
  z.object({
    sourcePosition: z.object({
      line: z.int(),
      column: z.int(),
      currentOffset: z.int(),
      endOffset: z.int(),
    }),
    values: z.array(z.object({ count: z.int() })).optional(),
    children: z.array(coverageNodeSchema).optional(),
  }),
);

const coverageReportSchema = z.object({
  rules: z.object({ files: z.array(z.object({ content: z.string() })) }),
  report: z.array(coverageNodeSchema),
});

const testsDir = path.join(rootDir, "tests", "rules");
const coverageUrl = (suffix: string): string =>
  emulatorUrl("FIRESTORE_EMULATOR_HOST", `/emulator/v1/projects/${PROJECT_ID}:ruleCoverage${suffix}`);

/** The outermost expressions that were never evaluated (their sub-expressions weren't either). */
function neverEvaluated(nodes: readonly CoverageNode[], found: CoverageNode[] = []): CoverageNode[] {
  for (const node of nodes) {
    const evaluations = (node.values ?? []).reduce((sum, value) => sum + value.count, 0);
    if (evaluations === 0) found.push(node);
    else neverEvaluated(node.children ?? [], found);
  }
  return found;
}

function describeNode(node: CoverageNode, source: string): string {
  const { line, column, currentOffset, endOffset } = node.sourcePosition;
  const text = source.slice(currentOffset, endOffset + 1).replace(/\s+/g, " ");
  return `  firestore.rules:${line}:${column}  ${text.length > 100 ? `${text.slice(0, 97)}...` : text}`;
}

/** A focused run (a file filter) cannot cover every rule, so the gate only judges full runs. */
function ranEveryRulesFile(project: TestProject): boolean {
  const ran = new Set(project.vitest.state.getFiles().map((file) => path.resolve(file.filepath)));
  return readdirSync(testsDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .every((file) => ran.has(path.join(testsDir, file)));
}

async function writeHtmlReport(): Promise<string> {
  const response = await fetch(coverageUrl(".html"));
  if (!response.ok) throw new Error(`Rule coverage HTML: HTTP ${response.status}`);
  const file = path.join(rootDir, "coverage", "firestore-rules.html");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await response.text());
  return path.relative(rootDir, file);
}

async function checkCoverage(): Promise<void> {
  const response = await fetch(coverageUrl(""));
  if (!response.ok) throw new Error(`Rule coverage: HTTP ${response.status}`);
  const coverage = coverageReportSchema.parse(await response.json());
  const source = coverage.rules.files[0]?.content ?? "";
  const missed = neverEvaluated(coverage.report).sort(
    (a, b) => a.sourcePosition.currentOffset - b.sourcePosition.currentOffset,
  );
  const html = await writeHtmlReport();
  if (missed.length === 0) {
    console.log(`[rules coverage] every expression in firestore.rules was evaluated (report: ${html})`);
    return;
  }
  console.error(
    `[rules coverage] ${missed.length} expression(s) in firestore.rules were never evaluated ` +
      `(report: ${html}):\n${missed.map((node) => describeNode(node, source)).join("\n")}`,
  );
  process.exitCode = 1;
  throw new Error("Firestore rules coverage gate failed: add tests that reach the expressions listed above");
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await loadRules();
  return async () => {
    if (!ranEveryRulesFile(project)) {
      console.log("[rules coverage] skipped: not every rules test file ran");
      return;
    }
    await checkCoverage();
  };
}
