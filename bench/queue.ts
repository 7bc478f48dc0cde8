/**
 * `npm run bench:queue`: the review queue with 100,000 claims over 500 articles. For each engine,
 * seeds a database of its own (bench/queue/seed.ts), then times the first page of representative
 * filtered and sorted queries through `listQueue` itself, counts per status included, and prints
 * p50/p95/p99 and the EXPLAIN (ANALYZE, BUFFERS) of the statements it sends. Target: p99 under
 * 50 ms on PostgreSQL. Writes bench-results/queue-*.json.
 *
 * Settings (environment): BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_QUEUE_ENGINES=postgres,pglite  BENCH_QUEUE_RUNS=200  BENCH_QUEUE_CLAIMS=100000  BENCH_QUEUE_PLANS=postgres (or all, none)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { listQueue } from "@/lib/reviews/queue";
import { listArticles } from "@/lib/articles/list";
import { openPglite, openPostgres, type BenchDatabase } from "./queue/engines";
import { pickSubjects, scenarios, type Scenario } from "./queue/scenarios";
import { seedQueue } from "./queue/seed";
import { percentile } from "./stats";

const TARGET_P99_MS = 50;
const WARMUP_RUNS = 10;

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number.`);
  return value;
}

const settings = {
  articles: 500,
  claims: setting("BENCH_QUEUE_CLAIMS", 100_000),
  batch: 10_000,
  runs: setting("BENCH_QUEUE_RUNS", 200),
};
const engineNames = (process.env.BENCH_QUEUE_ENGINES ?? "postgres,pglite").split(",").map((name) => name.trim());
const plansFor = process.env.BENCH_QUEUE_PLANS ?? "postgres";
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

type Timing = { p50: number; p95: number; p99: number; max: number; rows: number; total: number };
type ScenarioResult = Scenario & { timing: Timing; plans: { sql: string; params: unknown[]; plan: string[] }[] };
/** The machine's load average (1 minute) before and after the timings: figures taken on a busy machine say so. */
type EngineResult = { engine: string; seedSeconds: number; scenarios: ScenarioResult[]; articleList?: Timing; load: { before: number; after: number } };

type Sampled = { samples: number[]; rows: number; total: number };

function summarize({ samples, rows, total }: Sampled): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1)!, rows, total };
}

/**
 * Runs every task `runs` times, round after round (task 1, task 2, ..., then again), after a warm-up:
 * a burst of load from elsewhere on the machine then slows one run of several tasks, rather than many
 * runs of one task, so that the tasks' figures can be compared.
 */
async function timeRoundRobin(runs: number, tasks: (() => Promise<{ rows: number; total: number }>)[]): Promise<Timing[]> {
  const sampled: Sampled[] = tasks.map(() => ({ samples: [], rows: 0, total: 0 }));
  for (let round = -WARMUP_RUNS; round < runs; round++) {
    for (const [index, task] of tasks.entries()) {
      const began = performance.now();
      const { rows, total } = await task();
      const elapsed = performance.now() - began;
      if (round < 0) continue;
      const record = sampled[index]!;
      record.samples.push(elapsed);
      Object.assign(record, { rows, total });
    }
  }
  return sampled.map(summarize);
}

async function benchEngine(open: () => Promise<BenchDatabase>, label: string): Promise<EngineResult> {
  const log = (line: string) => console.log(`[${label}] ${line}`);
  log("creating a database and migrating it…");
  const database = await open();
  try {
    log(`seeding ${settings.claims.toLocaleString("en")} claims over ${settings.articles} articles…`);
    const began = performance.now();
    await seedQueue(database.db, settings, log);
    const seedSeconds = (performance.now() - began) / 1000;
    log(`seeded and analyzed in ${seedSeconds.toFixed(1)} s`);
    const subjects = await pickSubjects(database.db);
    const loadBefore = os.loadavg()[0]!;
    const explain = plansFor === "all" || plansFor === label;
    const cases = scenarios(subjects);
    const runs = cases.map((scenario) => async () => {
      const page = await listQueue(database.db, subjects.me, scenario.params);
      return { rows: page.rows.length, total: page.total };
    });
    log(`timing ${cases.length} queries, ${settings.runs} rounds…`);
    const timings = await timeRoundRobin(settings.runs, runs);
    const results: ScenarioResult[] = [];
    for (const [index, scenario] of cases.entries()) {
      const statements = explain ? await database.capture(runs[index]!) : [];
      const plans = [];
      for (const statement of statements) plans.push({ ...statement, plan: await database.explain(statement) });
      results.push({ ...scenario, timing: timings[index]!, plans });
    }
    log("the first page of the articles with each one's claims by status…");
    const [articleList] = await timeRoundRobin(Math.min(settings.runs, 50), [
      async () => {
        const listed = await listArticles(database.db, subjects.me);
        return { rows: listed.articles.length, total: listed.total };
      },
    ]);
    return { engine: label, seedSeconds, scenarios: results, articleList, load: { before: loadBefore, after: os.loadavg()[0]! } };
  } finally {
    await database.close();
  }
}

const ms = (value: number) => value.toFixed(1);

function printTable(result: EngineResult): void {
  const head = ["query (first page, 25 rows, with counts per status)", "p50", "p95", "p99", "max", "matching", `p99 < ${TARGET_P99_MS} ms`];
  const rows = result.scenarios.map(({ name, timing, targeted }) => [
    name,
    ms(timing.p50),
    ms(timing.p95),
    ms(timing.p99),
    ms(timing.max),
    timing.total.toLocaleString("en"),
    timing.p99 < TARGET_P99_MS ? (targeted ? "met" : "met (not targeted)") : targeted ? "MISSED" : "over (not targeted)",
  ]);
  if (result.articleList) {
    const timing = result.articleList;
    rows.push(["first page of the articles, claims by status (50 runs)", ms(timing.p50), ms(timing.p95), ms(timing.p99), ms(timing.max), `${timing.rows} of ${timing.total} articles`, "–"]);
  }
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const load = `load average ${result.load.before.toFixed(1)} → ${result.load.after.toFixed(1)} on ${os.cpus().length} CPUs`;
  console.log(`\n${result.engine}: ${settings.claims.toLocaleString("en")} claims, ${settings.articles} articles, ${settings.runs} runs per query (ms; ${load})`);
  console.log(line(head));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

function printPlans(result: EngineResult): void {
  for (const scenario of result.scenarios) {
    if (!scenario.plans.length) continue;
    console.log(`\n── ${result.engine} · ${scenario.name} · ${JSON.stringify(scenario.params)}`);
    scenario.plans.forEach(({ plan }, index) => {
      console.log(`  [${index === 0 ? "page" : "counts per status"}]`);
      for (const line of plan) console.log(`    ${line}`);
    });
  }
}

async function main(): Promise<void> {
  const results: EngineResult[] = [];
  for (const name of engineNames) {
    if (name === "postgres") results.push(await benchEngine(() => openPostgres(postgresUrl), "postgres"));
    else if (name === "pglite") results.push(await benchEngine(openPglite, "pglite"));
    else throw new Error(`Unknown engine ${name}: use postgres or pglite.`);
  }
  for (const result of results) printPlans(result);
  for (const result of results) printTable(result);
  const directory = path.resolve("bench-results");
  fs.mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `queue-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const machine = { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` };
  fs.writeFileSync(file, JSON.stringify({ startedAt: new Date().toISOString(), machine, settings, results }, null, 2));
  console.log(`\nResults written to ${file}`);
  const missed = results.some((result) => result.engine === "postgres" && result.scenarios.some((s) => s.targeted && s.timing.p99 >= TARGET_P99_MS));
  if (missed) process.exitCode = 1;
}

await main();
