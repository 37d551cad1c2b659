// Saga throughput on the emulators: `npm run bench:saga` (and `npm run bench`). For 1, 10 and 50
// concurrent shoppers (BENCH_SAGA_LEVELS), prints orders/s, order → awaiting_payment and webhook →
// paid latencies, and the units sold beyond stock, and writes bench-results/saga.figures.json. A
// measurement, not a pass/fail test, except that it fails on oversell.
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { writeFigures, type Figure } from "./figures";
import { runScenario, type SagaOptions, type Scenario, type ScenarioResult } from "./saga-run";
import { clearFirestore, env, PROJECT, webhookSecret, webhookUrl } from "./support";

const LEVELS = (process.env.BENCH_SAGA_LEVELS ?? "1,10,50").split(",").map(Number);
/** One shopper at a time gives one sample per round: several rounds make its percentiles mean something. */
const SOLO_ROUNDS = Number(process.env.BENCH_SAGA_SOLO_ROUNDS ?? 5);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
// The Functions emulator starts one worker process per concurrent HTTP request (30 s start-up
// limit); on a 2-core machine 20 at once fail to start, so webhooks go out a few at a time.
const WEBHOOK_CONCURRENCY = Number(process.env.BENCH_WEBHOOK_CONCURRENCY ?? 4);

const spread = (shoppers: number, name = `spread${shoppers}`): Scenario => ({
  name,
  products: Array.from({ length: 5 }, (_, index) => ({ id: `p${index}`, stock: 1_000 })),
  pick: (shopper) => `p${shopper % 5}`,
});
const hotStock = (shoppers: number) => Math.max(1, Math.floor(shoppers / 2));
const hot = (shoppers: number): Scenario => ({
  name: `hot${shoppers}`,
  products: [{ id: "hot", stock: hotStock(shoppers) }],
  pick: () => "hot",
});

interface Level {
  shoppers: number;
  spread: ScenarioResult;
  hot: ScenarioResult | null;
}

function levelFigures({ shoppers, spread, hot }: Level): Figure[] {
  const id = (name: string) => `saga.${shoppers}.${name}`;
  const label = (what: string) => `${shoppers} shopper${shoppers === 1 ? "" : "s"}: ${what}`;
  const ms = (name: string, what: string, value: number): Figure => ({
    id: id(name),
    bench: "saga",
    label: label(what),
    value: Math.round(value),
    unit: "ms",
    better: "lower",
  });
  const oversold = spread.oversold + (hot?.oversold ?? 0);
  return [
    {
      id: id("ordersPerSecond"),
      bench: "saga",
      label: label("orders/s, placed → paid"),
      value: Number(spread.ordersPerSecond.toFixed(2)),
      unit: "orders/s",
      better: "higher",
    },
    ms("reserveP50Ms", "order → awaiting_payment p50", spread.reserveP50),
    ms("reserveP95Ms", "order → awaiting_payment p95", spread.reserveP95),
    ms("paidP50Ms", "webhook → paid p50", spread.paidP50),
    ms("paidP95Ms", "webhook → paid p95", spread.paidP95),
    {
      id: id("oversold"),
      bench: "saga",
      label: label(
        `units oversold${hot ? ` (and ${hot.orders} orders for ${hotStock(shoppers)} units)` : ""}`,
      ),
      value: oversold,
      unit: "units",
      goal: "0",
      ok: oversold === 0,
      better: "lower",
    },
  ];
}

/**
 * Goals as ratios of the same run. The emulator hands a trigger its events one at a time, so N
 * orders placed at once queue: the last waits for the N − 1 before it. An order that costs no more
 * under load than alone keeps p95 at N shoppers within N × p95 at one, and orders/s at least as
 * high. Webhooks go out WEBHOOK_CONCURRENCY at a time and share the CPU, so webhook → paid may
 * grow up to that factor but no more.
 */
function scalingFigures(solo: Level, top: Level): Figure[] {
  const n = top.shoppers;
  const ratio = (value: number) => Number(value.toFixed(2));
  const throughput = top.spread.ordersPerSecond / solo.spread.ordersPerSecond;
  const reserve = top.spread.reserveP95 / solo.spread.reserveP95;
  const paid = top.spread.paidP95 / solo.spread.paidP95;
  const figure = (
    name: string,
    label: string,
    value: number,
    goal: string,
    ok: boolean,
    better: Figure["better"],
  ) =>
    ({
      id: `saga.${n}vs1.${name}`,
      bench: "saga",
      label,
      value: ratio(value),
      unit: "×",
      goal,
      ok,
      better,
    }) as const;
  return [
    figure("ordersPerSecond", `orders/s at ${n} ÷ at 1`, throughput, "≥ 1×", throughput >= 1, "higher"),
    figure(
      "reserveP95",
      `awaiting_payment p95 at ${n} ÷ at 1`,
      reserve,
      `≤ ${n}× (queue)`,
      reserve <= n,
      "lower",
    ),
    figure(
      "paidP95",
      `paid p95 at ${n} ÷ at 1`,
      paid,
      `≤ ${WEBHOOK_CONCURRENCY}× (webhooks ${WEBHOOK_CONCURRENCY} at a time)`,
      paid <= WEBHOOK_CONCURRENCY,
      "lower",
    ),
  ];
}

async function main(): Promise<void> {
  env("FIRESTORE_EMULATOR_HOST");
  const db = getFirestore(initializeApp({ projectId: PROJECT }));
  const options: SagaOptions = {
    db,
    webhookUrl: await webhookUrl(),
    secret: webhookSecret(),
    timeoutMs: TIMEOUT_MS,
    webhookConcurrency: WEBHOOK_CONCURRENCY,
  };
  console.log(
    `Saga benchmark on the emulators: ${LEVELS.join(", ")} concurrent shoppers (1 shopper: ${SOLO_ROUNDS} rounds), ` +
      `webhooks ${WEBHOOK_CONCURRENCY} at a time, after a warm-up round.\n` +
      "  spread = 5 products with ample stock (the speed figures); hot = one product with stock for half the shoppers " +
      "(the oversell check).\n" +
      "  The Firestore emulator delivers a trigger's events one at a time, so concurrent orders queue for onOrderCreated: " +
      "production runs them in parallel.",
  );
  const warm = Math.min(10, Math.max(...LEVELS));
  await runScenario(spread(warm, "warmup"), warm, 1, options);
  const levels: Level[] = [];
  for (const shoppers of LEVELS) {
    const rounds = shoppers === 1 ? SOLO_ROUNDS : 1;
    const level = {
      shoppers,
      spread: await runScenario(spread(shoppers), shoppers, rounds, options),
      hot: shoppers > 1 ? await runScenario(hot(shoppers), shoppers, 1, options) : null,
    };
    levels.push(level);
    console.log(`  ${shoppers} shoppers: done`);
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  console.table(
    levels
      .flatMap(({ spread: s, hot: h }) => [s, ...(h ? [h] : [])])
      .map((r) => ({
        scenario: r.name,
        shoppers: r.shoppers,
        orders: r.orders,
        reserved: r.reserved,
        rejected: r.rejected,
        "placed→settled orders/s": r.settledPerSecond.toFixed(2),
        "placed→paid orders/s": r.ordersPerSecond.toFixed(2),
        "order→awaiting p50": ms(r.reserveP50),
        "order→awaiting p95": ms(r.reserveP95),
        "webhook→paid p50": ms(r.paidP50),
        "webhook→paid p95": ms(r.paidP95),
        oversold: r.oversold,
      })),
  );
  const figures = levels.flatMap(levelFigures);
  const solo = levels.find((level) => level.shoppers === 1);
  const top = levels.at(-1);
  if (solo && top && top !== solo) figures.push(...scalingFigures(solo, top));
  writeFigures({
    bench: "saga",
    measuredAt: new Date().toISOString(),
    figures,
    details: { levels, soloRounds: SOLO_ROUNDS, webhookConcurrency: WEBHOOK_CONCURRENCY },
  });
  if (levels.some((level) => level.spread.oversold + (level.hot?.oversold ?? 0) > 0)) {
    console.error("OVERSOLD: stock was sold beyond what existed");
    process.exitCode = 1;
  }
  await clearFirestore();
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
