/**
 * `npm run bench:public`: what a reader's visit costs the database, now that the public page tells its
 * corrections. On a desk of 100,000 claims (bench/queue/seed.ts), one published article carries 2,000
 * approved claims (BENCH_PUBLIC_CLAIMS), each submitted and approved before publication, about one in five of
 * them reopened and approved again with another rating after it (corrections), and 100 other articles are
 * published. Times, on PostgreSQL and PGlite, 30 runs each: the page's data (`publicArticleBySlug`: the
 * text, its claims and sources, its "updated" date and its corrections), its corrections alone, and the
 * first page of the index (`listPublished`, 20 fact-checks with their tallies and last corrections), and one
 * claim's embed (`embeddedClaim`, a corrected claim), read wherever a newsroom pasted it.
 * Targets: the page's data under 100 ms (p90) on either engine, a small share of a page a reader waits for;
 * an embed under 25 ms (p90), as a partner's page may hold several.
 *
 * Settings (environment): BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 * BENCH_PUBLIC_CLAIMS=2000, BENCH_ENGINES=postgres,pglite
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { publicChangesOfArticle } from "@/lib/publishing/public-changes";
import { embeddedClaim } from "@/lib/publishing/public-claim";
import { listPublished } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { onEachEngine, type BenchDatabase } from "./queue/engines";
import { seedQueue } from "./queue/seed";
import { summarize } from "./stats";

const TARGET_P90_MS = 100;
const EMBED_TARGET_P90_MS = 25;
const RUNS = 30;
const claims = Math.max(100, Number(process.env.BENCH_PUBLIC_CLAIMS ?? 2_000));
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const engines = (process.env.BENCH_ENGINES ?? "postgres,pglite").split(",").map((name) => name.trim());
const SLUG = "bench-public-page";

/**
 * The published article: one paragraph a claim ("Claim N says the figure is N."), every claim approved
 * before publication, about one in five re-rated after it. Returns the article's id.
 */
async function seedPublishedArticle(db: Database): Promise<string> {
  await db.execute(sql`
    with sentences as (select n, 'Claim ' || n || ' says the figure is ' || n || '.' as text from generate_series(1, ${claims}::int) as n)
    insert into articles (title, doc, plain_text, slug, published_at, first_published_at)
    select 'Bench public page', jsonb_build_object('type', 'doc', 'content',
             jsonb_agg(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', text))) order by n)),
           string_agg(text, E'\\n' order by n), ${SLUG}, now() - interval '10 days', now() - interval '10 days'
    from sentences`);
  const id = rowsOf(await db.execute(sql`select id from articles where slug = ${SLUG}`))[0]!.id as string;
  const author = sql`(select id from users where role = 'reviewer' order by email limit 1)`;
  const editor = sql`(select id from users where role = 'editor' order by email limit 1)`;
  await db.execute(sql`
    with lines as (
      select n, position(('Claim ' || n || ' says') in a.plain_text) - 1 as start, length('Claim ' || n || ' says the figure is ' || n) as len
      from articles a, generate_series(1, ${claims}::int) as n where a.id = ${id}
    )
    insert into annotations (article_id, author_id, quote, prefix, suffix, start_offset, end_offset, verdict, explanation, status)
    select ${id}, ${author}, 'Claim ' || n || ' says the figure is ' || n, '', '', start, start + len,
           (array['true', 'mostly_true', 'half_true', 'mostly_false', 'false']::verdict[])[1 + n % 5], 'Checked against the report.', 'approved'
    from lines`);
  await db.execute(sql`
    insert into sources (annotation_id, position, url, title, accessed_on)
    select id, 0, 'https://example.org/report/' || start_offset, 'The report', current_date from annotations where article_id = ${id}`);
  // Each claim submitted and approved before publication; one in five or so (those starting at a multiple of 10) rated True then, and False when approved again after it.
  await db.execute(sql`update annotations set verdict = 'false' where article_id = ${id} and start_offset % 10 = 0`);
  await db.execute(sql`
    insert into review_events (annotation_id, kind, from_status, to_status, actor_id, verdict, created_at)
    select a.id, 'status', step.from_status::review_status, step.to_status::review_status, ${editor},
           case when step.n = 2 and a.start_offset % 10 = 0 then 'true'::verdict else a.verdict end,
           now() - step.days_ago * interval '1 day' + a.start_offset * interval '1 millisecond'
    from annotations a
    cross join (values (1, 'draft', 'in_review', 17), (2, 'in_review', 'approved', 16), (3, 'approved', 'in_review', 8), (4, 'in_review', 'approved', 7)) as step(n, from_status, to_status, days_ago)
    where a.article_id = ${id} and (step.n <= 2 or a.start_offset % 10 = 0)`);
  await db.execute(sql`
    update articles set slug = 'bench-' || id, published_at = now() - interval '3 days', first_published_at = now() - interval '3 days'
    where id in (select id from articles where slug is null order by id limit 100)`);
  await db.execute(sql`analyze`);
  return id;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

async function time(label: string, run: () => Promise<unknown>, target?: number): Promise<void> {
  await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  const { p50, p90 } = summarize(times);
  const verdict = target ? `  target p90 < ${target} ms: ${p90 < target ? "met" : "missed"}` : "";
  console.log(`  ${label.padEnd(44)} p50 ${p50.toFixed(1).padStart(6)} ms  p90 ${p90.toFixed(1).padStart(6)} ms${verdict}`);
}

async function measure(bench: BenchDatabase): Promise<void> {
  console.log(`${bench.name}: seeding a desk of 100,000 claims and a published article of ${claims.toLocaleString("en")} claims…`);
  await seedQueue(bench.db, { articles: 500, claims: 100_000, batch: 10_000 }, () => {});
  const articleId = await seedPublishedArticle(bench.db);
  const page = await publicArticleBySlug(bench.db, SLUG, { showReviewers: false });
  const corrections = page!.changes.filter((change) => change.kind === "rating_changed").length;
  console.log(`  the page shows ${page!.claims.length.toLocaleString("en")} claims and ${corrections} corrections`);
  const firstPublished = new Date(Date.now() - 10 * 86_400_000);
  await time("the page's data (publicArticleBySlug)", () => publicArticleBySlug(bench.db, SLUG, { showReviewers: false }), TARGET_P90_MS);
  await time("its corrections alone (publicChangesOfArticle)", () => publicChangesOfArticle(bench.db, articleId, firstPublished));
  await time("the index's first page (listPublished, 20)", () => listPublished(bench.db, { offset: 0, limit: 20 }));
  const corrected = page!.changes.find((change) => change.kind === "rating_changed")!;
  await time("a corrected claim's embed (embeddedClaim)", () => embeddedClaim(bench.db, SLUG, corrected.claimId, { showReviewers: false }), EMBED_TARGET_P90_MS);
}

console.log(`Public page benchmark on ${os.cpus().length} CPU(s), Node ${process.version}.`);
await onEachEngine(engines, url, measure);
