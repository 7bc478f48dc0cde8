/**
 * `npm run bench:inbox`: the inbox of the busiest reviewer on a desk of 100,000 claims with four
 * review events each and a discussion each: a thread its author started, a colleague's reply, half
 * of the threads resolved by another (bench/queue/seed.ts, then the events and comments), on
 * PostgreSQL. Times the header's count (on every page), for someone who last opened their inbox a day ago and for someone who
 * never has, and the inbox's first page. Target: the header's count under 5 ms (p95) for a reader
 * who opened the inbox a day ago. Then the rounds of inbox emails (lib/notifications, every 15 s on
 * every instance) for a desk of 200 more people who all want them: a round with nothing new, and one
 * that emails everyone a day of their inbox (to a sender that drops the emails).
 *
 * Settings (environment): BENCH_DATABASE_URL or TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), BENCH_INBOX_CLAIMS=100000,
 * BENCH_EXPLAIN=1 (prints the plan of the header's count).
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { countUnread, listInbox } from "@/lib/comments/inbox";
import { emailInboxNotifications } from "@/lib/notifications/notify";
import type { Actor } from "@/lib/users/actor";
import { openPostgres } from "./queue/engines";
import { seedQueue } from "./queue/seed";
import { percentile } from "./stats";

const TARGET_P95_MS = 5;
const RUNS = 50;
/** People added for the email rounds: a large newsroom's desk. */
const EMAIL_DESK = 200;
const claims = Math.max(1_000, Number(process.env.BENCH_INBOX_CLAIMS ?? 100_000));
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const started = performance.now();
    await run();
    if (i >= 10) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

/** How many replies one statement of the seed writes. */
const REPLIES_PER_STATEMENT = 5_000;

const format = ({ p50, p95, p99 }: { p50: number; p95: number; p99: number }) => `p50 ${p50.toFixed(1)}  p95 ${p95.toFixed(1)}  p99 ${p99.toFixed(1)} ms`;

const bench = await openPostgres(url);
try {
  console.log(`Seeding ${claims.toLocaleString("en")} claims…`);
  await seedQueue(bench.db, { articles: 500, claims, batch: 10_000 }, () => {});
  // Four review events per claim, each by someone other than its author, over the last 60 days: a busy desk's history.
  for (const [from, to] of [["draft", "in_review"], ["in_review", "changes_requested"], ["changes_requested", "in_review"], ["in_review", "approved"]]) {
    await bench.db.execute(sql`
      insert into review_events (annotation_id, kind, from_status, to_status, actor_id, created_at)
      select a.id, 'status', ${from}::review_status, ${to}::review_status,
        (select u.id from users u where u.id <> a.author_id order by u.id limit 1), now() - random() * interval '60 days'
      from annotations a`);
  }
  // A thread on every claim, started by its author and answered by a colleague picked at random; half of them resolved by another.
  await bench.db.execute(sql`
    insert into comments (annotation_id, author_id, body, created_at)
    select a.id, a.author_id, 'Is the date right?', now() - random() * interval '60 days' from annotations a`);
  // The replies a few thousand at a time: each takes its thread's lock until its transaction ends (migration 0035), and
  // one statement for all of them would hold more locks than PostgreSQL's lock table takes.
  for (let offset = 0; ; offset += REPLIES_PER_STATEMENT) {
    const replies = await bench.db.execute(sql`
      insert into comments (annotation_id, parent_id, author_id, body, created_at)
      select c.annotation_id, c.id, (select u.id from users u where u.id <> c.author_id order by random() limit 1), 'The ministry says Tuesday.',
        least(now(), c.created_at + interval '1 hour')
      from (select * from comments where parent_id is null order by id limit ${REPLIES_PER_STATEMENT} offset ${offset}) c`);
    if ((replies as { rowCount?: number | null }).rowCount === 0) break;
  }
  await bench.db.execute(sql`
    update comments set resolved_at = least(now(), created_at + interval '2 hours'),
      resolved_by = (select u.id from users u where u.id <> comments.author_id order by random() limit 1)
    where parent_id is null and random() < 0.5`);
  // As autovacuum leaves the tables after a load: statistics gathered, and pages marked all-visible (counts read indexes alone).
  await bench.db.execute(sql`vacuum analyze`);
  const [busiest] = rowsOf<{ id: string; role: Actor["role"]; claims: number; events: number }>(
    await bench.db.execute(sql`
      select users.id, users.role, count(*)::int as claims,
        (select count(*)::int from inbox_events where inbox_events.recipient_id = users.id) as events
      from annotations join users on users.id = annotations.author_id group by users.id order by claims desc limit 1`),
  );
  const actor = { id: busiest!.id, role: busiest!.role, name: "", email: "", disabled: false } as unknown as Actor;
  console.log(`Busiest reviewer: ${busiest!.claims.toLocaleString("en")} claims written, ${busiest!.events.toLocaleString("en")} review events in the inbox; PostgreSQL, ${os.cpus().length} CPU(s).`);

  const never = await timed(() => countUnread(bench.db, actor));
  await bench.db.execute(sql`update users set inbox_seen_at = now() - interval '1 day' where id = ${actor.id}`);
  const daily = await timed(() => countUnread(bench.db, actor));
  if (process.env.BENCH_EXPLAIN) {
    for (const statement of await bench.capture(() => countUnread(bench.db, actor))) console.log((await bench.explain(statement)).join("\n"));
  }
  const page = await timed(() => listInbox(bench.db, actor));
  console.log(`header count, inbox opened a day ago (${await countUnread(bench.db, actor)} new): ${format(daily)}  target p95 < ${TARGET_P95_MS} ms: ${daily.p95 < TARGET_P95_MS ? "met" : "missed"}`);
  console.log(`header count, inbox never opened (everything new):    ${format(never)}`);
  console.log(`inbox, first page (with both counts):                 ${format(page)}`);

  await bench.db.execute(sql`
    insert into users (email, name, role) select 'desk-' || n || '@example.com', 'Desk ' || n, 'reviewer'::role from generate_series(1, ${EMAIL_DESK}::int) as n`);
  const people = rowsOf<{ n: number }>(await bench.db.execute(sql`select count(*)::int as n from users`))[0]!.n;
  const round = () => emailInboxNotifications(bench.db, async () => {}, { appUrl: "https://desk.example.org", newsroom: "Bench", delaySeconds: 0, daily: { at: "08:00", timeZone: "UTC" } });
  await bench.db.execute(sql`update users set notified_until = now(), inbox_seen_at = null`);
  const idle = await timed(round);
  const busy: number[] = [];
  let sent = 0;
  for (let i = 0; i < 5; i++) {
    await bench.db.execute(sql`update users set notified_until = now() - interval '1 day'`);
    const started = performance.now();
    sent = (await round()).sent;
    busy.push(performance.now() - started);
  }
  busy.sort((a, b) => a - b);
  console.log(`email round, ${people} people, nothing new:         ${format(idle)}`);
  console.log(`email round, ${sent} people emailed a day of items:  median ${percentile(busy, 0.5).toFixed(0)} ms (5 runs)`);
} finally {
  await bench.close();
}
