import { parseArgs } from "node:util";
import { formatMoney } from "@hearth/domain";
import { storeConfig } from "./seed/catalog";
import { TargetError } from "./seed/env";
import { seedDemoData, type SeedSummary } from "./seed/index";

const usage = `Usage: npm run seed [-- --project demo-<id>]

Seeds the Firebase emulators with the Hearth demo store: store config, categories,
products with generated images, and two demo accounts. Safe to run again: it
overwrites the same documents instead of adding new ones.

Product images take the real path: the seed uploads each product's artwork to
products/{id}/original/ and waits for the image pipeline in the Functions
emulator to make the WebP sizes. Artwork already processed is not uploaded again.

Uses FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST and
FIREBASE_STORAGE_EMULATOR_HOST when set (as inside firebase emulators:exec);
otherwise the ports in firebase.json (as used by npm run dev). It never touches
a real project.`;

function printSummary(summary: SeedSummary): void {
  const { products } = summary;
  const { flatCents, freeOverCents } = storeConfig.shipping;
  const free =
    freeOverCents === null ? "" : `, free over ${formatMoney(freeOverCents, storeConfig.currency)}`;
  console.log(`
Seeded ${summary.projectId} in ${(summary.elapsedMs / 1000).toFixed(1)} s
  Store       ${storeConfig.storeName} (${storeConfig.currency}, shipping ${formatMoney(flatCents, storeConfig.currency)}${free})
  Categories  ${summary.categories}
  Products    ${products.active} active, ${products.draft} draft, ${products.archived} archived
  Low stock   ${summary.lowStock.join(", ")}
  Sold out    ${summary.soldOut.join(", ")}
  Images      ${summary.images} originals in gs://${summary.bucket}/products/*/original/ (${summary.uploaded} uploaded and processed by the image pipeline, the rest unchanged)
  Accounts`);
  for (const account of summary.accounts) {
    const role = account.admin ? "admin" : "shopper";
    console.log(`    ${role.padEnd(8)} ${account.email.padEnd(22)} password: ${account.password}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { project: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const summary = await seedDemoData({ projectId: values.project, log: (line) => console.log(`  ${line}`) });
  printSummary(summary);
}

main().catch((error: unknown) => {
  if (error instanceof TargetError) console.error(`seed: ${error.message}`);
  else console.error("seed failed:", error);
  process.exit(1);
});
