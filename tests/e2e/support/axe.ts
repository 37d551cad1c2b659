import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { z } from "zod";
import { UI_WAIT } from "./browser";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const resultsSchema = z.object({
  violations: z.array(
    z.object({
      id: z.string(),
      impact: z.string().nullish(),
      help: z.string(),
      nodes: z.array(z.object({ target: z.array(z.unknown()) })),
    }),
  ),
});

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type AxeViolation = z.infer<typeof resultsSchema>["violations"][number];

/** Runs axe-core (WCAG 2.x A/AA rules) in the page as it is now; wait for the state first. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams metadata: the <title> can arrive after the content the test waited for.
  await page.waitForFunction("document.title !== ''", undefined, UI_WAIT);
  await page.addScriptTag({ path: axeSource });
  // A string: the test project has no DOM types, and this runs in the page anyway.
  const raw: unknown = await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG_TAGS)} } })`,
  );
  return resultsSchema.parse(raw).violations;
}

/** A readable list for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    )
    .join("\n");
}
