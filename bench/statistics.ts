/**
 * `npm run bench:statistics`: the Statistics page's figures (`deskStatistics`) on a desk of 100,000
 * claims (bench/queue/seed.ts) checked over two years, about 140 a day, far busier than any newsroom's:
 * four review events each (submitted, changes requested, submitted again, approved, hours apart), on
 * PostgreSQL and PGlite. Times a week, a month and a quarter. Target: the quarter under 1 s (p90) on
 * either engine, the limit of an uninterrupted flow of thought: an editor opens the page now and then,
 * and it says it is counting meanwhile (app/statistics/loading.tsx). The seeded desk has 20,000 claims in
 * review at once (the queue bench's mix), each of which "Waiting now" looks up: a real desk has far fewer.
 *
 * Settings (environment): BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_STATISTICS_CLAIMS=100000, BENCH_ENGINES=postgres,pglite
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { deskStatistics, STATISTICS_PERIODS } from "@/lib/statistics/desk";
import type { Actor } from "@/lib/users/actor";
import { onEachEngine, type BenchDatabase } from "./queue/engines";
import { seedQueue } from "./queue/seed";
import { summarize } from "./stats";

const TARGET_P90_MS = 1_000;
const RUNS = 20;
const claims = Math.max(1_000, Number(process.env.BENCH_STATISTICS_CLAIMS ?? 100_000));
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const engines = (process.env.BENCH_ENGINES ?? "postgres,pglite").split(",").map((name) => name.trim());

/** Four status changes per claim, in order, a few hours apart, the first between 2 days and 2 years ago. */
async function seedHistory(db: Database): Promise<void> {
  await db.execute(sql`
    insert into review_events (annotation_id, kind, from_status, to_status, actor_id, created_at)
    select a.id, 'status', step.from_status::review_status, step.to_status::review_status,
      case when step.n in (1, 3) then a.author_id else (select u.id from users u where u.id <> a.author_id order by u.id limit 1) end,
      started.at + step.n * interval '5 hours' + random() * interval '4 hours'
    from annotations a
    cross join lateral (select a.id as id, now() - interval '2 days' - random() * interval '728 days' as at) started
    cross join (values (1, 'draft', 'in_review'), (2, 'in_review', 'changes_requested'), (3, 'changes_requested', 'in_review'), (4, 'in_review', 'approved')) as step(n, from_status, to_status)
  `);
  await db.execute(sql`analyze`);
}

async function measure(bench: BenchDatabase): Promise<void> {
  console.log(`${bench.name}: seeding ${claims.toLocaleString("en")} claims and ${(claims * 4).toLocaleString("en")} review events…`);
  await seedQueue(bench.db, { articles: 500, claims, batch: 10_000 }, () => {});
  await seedHistory(bench.db);
  const editor = { id: "00000000-0000-4000-8000-000000000000", role: "editor", name: "", email: "", disabled: false } as Actor;
  for (const days of STATISTICS_PERIODS) {
    const times: number[] = [];
    let figures = await deskStatistics(bench.db, editor, { days: String(days) });
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      figures = await deskStatistics(bench.db, editor, { days: String(days) });
      times.push(performance.now() - started);
    }
    const { p50, p90 } = summarize(times);
    const verdict = days === 90 ? `  target p90 < ${TARGET_P90_MS.toLocaleString("en")} ms: ${p90 < TARGET_P90_MS ? "met" : "missed"}` : "";
    console.log(
      `  ${String(days).padStart(2)} days: ${figures.flow.approved.toLocaleString("en")} approvals, ${figures.decisionTimes.decisions.toLocaleString("en")} decisions timed, ${figures.people.length} people:  p50 ${p50.toFixed(0)} ms  p90 ${p90.toFixed(0)} ms${verdict}`,
    );
  }
}

console.log(`Statistics benchmark on ${os.cpus().length} CPU(s), Node ${process.version}.`);
await onEachEngine(engines, url, measure);
