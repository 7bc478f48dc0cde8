import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { inVerdictOrder, type VerdictCount } from "@/lib/annotations/verdicts";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayViewStatistics } from "@/lib/policies/statistics";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { dayIn } from "@/lib/time-zone";
import { parseInput } from "@/lib/validation";

/** The periods the desk's figures cover, in days back from now: a week, a month, a quarter. */
export const STATISTICS_PERIODS = [7, 30, 90] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

const statisticsQuerySchema = z.strictObject({
  days: z
    .enum(STATISTICS_PERIODS.map(String) as [string, ...string[]], { error: `must be one of ${STATISTICS_PERIODS.join(", ")}` })
    .default("30")
    .transform((days) => Number(days) as StatisticsPeriod),
});

/** How long submitted claims waited for an editor's decision, in hours; null without any decision. */
export type DecisionTimes = { decisions: number; medianHours: number | null; slowestTenthHours: number | null };

/** One person's part in the period. */
export type PersonFigures = { id: string; name: string; submitted: number; approved: number; decided: number };

/** One claimant's (or topic's) claims approved in the period, each once, by the verdict it has now. */
export type ClaimantFigures = { name: string; approved: number; verdicts: VerdictCount[] };

/** The most claimants (and topics) listed: those whose claims were approved most often. */
export const LISTED_CLAIMANTS = 10;

export type DeskStatistics = {
  days: StatisticsPeriod;
  /** The period's start, ISO 8601: its figures count what happened from then until now. */
  since: string;
  /** What happened to claims in the period: submissions for review and editors' decisions. */
  flow: { submitted: number; approved: number; changesRequested: number; rejected: number; reopened: number };
  /** The claims approved in the period, by the verdict they have now (each claim once). */
  approvedByVerdict: VerdictCount[];
  /** From a claim's submission to the decision on it, for the decisions of the period. */
  decisionTimes: DecisionTimes;
  /** Articles made public in the period and still public. */
  published: number;
  /** What waits now, whatever the period. */
  waiting: { inReview: number; oldestInReviewSince: string | null; changesRequested: number; overdue: number };
  /** Everyone who submitted, had approved or decided something in the period, the busiest first. */
  people: PersonFigures[];
  /** Who made the claims approved in the period, the most often approved first (at most `LISTED_CLAIMANTS`). */
  claimants: ClaimantFigures[];
  /** The topics of the articles of the claims approved in the period, the most often approved first (at most `LISTED_CLAIMANTS`): a claim counts under each topic of its article. */
  topics: ClaimantFigures[];
  /**
   * Readers' messages from the public pages: received and handled in the period, the median time from one
   * to the other (of those handled in it), and how many wait now, the oldest since when.
   */
  readers: { received: number; handled: number; medianHoursToHandle: number | null; waiting: number; oldestWaitingSince: string | null };
};

// The review workflow's moves (lib/reviews/transitions.ts) as conditions on a status event's columns.
/** A claim submitted for review, first or again after changes: not a reopening. */
const SUBMITTED = sql.raw(`to_status = 'in_review' and from_status in ('draft', 'changes_requested')`);
/** An editor's decision on a claim in review. */
const DECIDED = sql.raw(`from_status = 'in_review' and to_status in ('approved', 'changes_requested', 'rejected')`);
const HOUR_SECONDS = 3600;

/**
 * The desk's figures over the last `days` days, for editors and admins: the flow of claims through
 * review, how long submitted claims wait for a decision, and who did what. A handful of grouped
 * queries over the period's review events (indexed by time), whatever the size of the desk.
 */
export async function deskStatistics(db: Database, actor: Actor | null, input: unknown, now = new Date()): Promise<DeskStatistics> {
  enforce(mayViewStatistics(actor), actor);
  const { days } = parseInput(statisticsQuerySchema, input);
  const since = new Date(now.getTime() - days * 24 * HOUR_SECONDS * 1000);
  const [flow, { approvedByVerdict, claimants }, topics, decisionTimes, published, waiting, people, readers] = await Promise.all([
    flowSince(db, since),
    approvalsSince(db, since),
    topicApprovalsSince(db, since),
    decisionTimesSince(db, since),
    publishedSince(db, since),
    waitingNow(db, now),
    peopleSince(db, since),
    readersSince(db, since),
  ]);
  return { days, since: since.toISOString(), flow, approvedByVerdict, decisionTimes, published, waiting, people, claimants, topics, readers };
}

async function flowSince(db: Database, since: Date): Promise<DeskStatistics["flow"]> {
  const [row] = rowsOf<Record<keyof DeskStatistics["flow"], number>>(
    await db.execute(sql`
      select
        count(*) filter (where ${SUBMITTED})::int as "submitted",
        count(*) filter (where to_status = 'approved')::int as "approved",
        count(*) filter (where to_status = 'changes_requested')::int as "changesRequested",
        count(*) filter (where to_status = 'rejected')::int as "rejected",
        count(*) filter (where from_status in ('approved', 'rejected'))::int as "reopened"
      from review_events
      where kind = 'status' and created_at >= ${since}
    `),
  );
  return row!;
}

/**
 * The claims approved in the period and approved still, by verdict, and who made them (by name, in any
 * case): one grouped query gives both.
 */
async function approvalsSince(db: Database, since: Date): Promise<Pick<DeskStatistics, "approvedByVerdict" | "claimants">> {
  const rows = rowsOf<NamedCount>(
    await db.execute(sql`
      select lower(a.claimant_name) as "key", min(min(a.claimant_name)) over (partition by lower(a.claimant_name)) as "name", a.verdict, count(*)::int as "count"
      from annotations a
      where a.discarded_at is null and a.status = 'approved' and exists (
        select 1 from review_events e
        where e.annotation_id = a.id and e.kind = 'status' and e.to_status = 'approved' and e.created_at >= ${since}
      )
      group by lower(a.claimant_name), a.verdict
    `),
  );
  const byVerdict = new Map<VerdictCount["verdict"], number>();
  for (const { verdict, count } of rows) byVerdict.set(verdict, (byVerdict.get(verdict) ?? 0) + count);
  return { approvedByVerdict: inVerdictOrder([...byVerdict].map(([verdict, count]) => ({ verdict, count }))), claimants: mostApproved(rows) };
}

/** The claims approved in the period and approved still, by the topics of their articles (by name, in any case) and verdict. */
async function topicApprovalsSince(db: Database, since: Date): Promise<ClaimantFigures[]> {
  const rows = rowsOf<NamedCount>(
    await db.execute(sql`
      select lower(t.name) as "key", min(min(t.name)) over (partition by lower(t.name)) as "name", a.verdict, count(*)::int as "count"
      from annotations a
      join article_topics t on t.article_id = a.article_id
      where a.discarded_at is null and a.status = 'approved' and exists (
        select 1 from review_events e
        where e.annotation_id = a.id and e.kind = 'status' and e.to_status = 'approved' and e.created_at >= ${since}
      )
      group by lower(t.name), a.verdict
    `),
  );
  return mostApproved(rows);
}

/** Approved claims counted by a name (who made them, a topic; `key` the name in lower case, null for none) and verdict. */
type NamedCount = { key: string | null; name: string | null; verdict: VerdictCount["verdict"]; count: number };

/** The names whose claims were approved most often, at most LISTED_CLAIMANTS, each with its claims by verdict. */
function mostApproved(rows: NamedCount[]): ClaimantFigures[] {
  const byName = new Map<string, ClaimantFigures>();
  for (const { key, name, verdict, count } of rows) {
    if (key === null || name === null) continue;
    const figures = byName.get(key) ?? { name, approved: 0, verdicts: [] };
    figures.approved += count;
    figures.verdicts.push({ verdict, count });
    byName.set(key, figures);
  }
  return [...byName.values()]
    .sort((a, b) => b.approved - a.approved || a.name.localeCompare(b.name, "en"))
    .slice(0, LISTED_CLAIMANTS)
    .map((figures) => ({ ...figures, verdicts: inVerdictOrder(figures.verdicts) }));
}

/**
 * Each decision of the period paired with the submission it answered: the latest before it on its
 * claim, which may be older than the period. One step back along the index on claim and time per decision.
 */
async function decisionTimesSince(db: Database, since: Date): Promise<DecisionTimes> {
  const [row] = rowsOf<{ decisions: number; median: number | null; slowest: number | null }>(
    await db.execute(sql`
      select
        count(*)::int as "decisions",
        percentile_cont(0.5) within group (order by waited) as "median",
        percentile_cont(0.9) within group (order by waited) as "slowest"
      from (
        select extract(epoch from d.created_at - submission.created_at) as waited
        from review_events d
        cross join lateral (
          select s.created_at from review_events s
          where s.annotation_id = d.annotation_id and s.kind = 'status' and s.to_status = 'in_review' and s.created_at <= d.created_at
          order by s.created_at desc
          limit 1
        ) submission
        where d.kind = 'status' and ${DECIDED} and d.created_at >= ${since}
      ) decided
    `),
  );
  const hours = (seconds: number | null) => (seconds === null ? null : Number(seconds) / HOUR_SECONDS);
  return { decisions: row!.decisions, medianHours: hours(row!.median), slowestTenthHours: hours(row!.slowest) };
}

async function publishedSince(db: Database, since: Date): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as "count" from articles where published_at >= ${since}`));
  return row!.count;
}

async function waitingNow(db: Database, now: Date): Promise<DeskStatistics["waiting"]> {
  // A claim is overdue once its due day has ended in the newsroom.
  const today = dayIn(newsroomConfig().timeZone, now);
  const [row] = rowsOf<{ inReview: number; changesRequested: number; overdue: number; oldest: string | Date | null }>(
    await db.execute(sql`
      select
        count(*) filter (where status = 'in_review')::int as "inReview",
        count(*) filter (where status = 'changes_requested')::int as "changesRequested",
        count(*) filter (where assignee_id is not null and due_on < ${today} and status in ('draft', 'in_review', 'changes_requested'))::int as "overdue",
        (
          select min(submitted) from (
            select (select max(e.created_at) from review_events e where e.annotation_id = w.id and e.kind = 'status' and e.to_status = 'in_review') as submitted
            from annotations w where w.status = 'in_review' and w.discarded_at is null
          ) waits
        ) as "oldest"
      from annotations
      where discarded_at is null
    `),
  );
  const { oldest, ...counts } = row!;
  return { ...counts, oldestInReviewSince: oldest === null ? null : new Date(oldest).toISOString() };
}

async function peopleSince(db: Database, since: Date): Promise<PersonFigures[]> {
  return rowsOf<PersonFigures>(
    await db.execute(sql`
      select u.id, u.name, coalesce(f.submitted, 0)::int as "submitted", coalesce(f.approved, 0)::int as "approved", coalesce(f.decided, 0)::int as "decided"
      from (
        select person,
          count(*) filter (where what = 'submitted') as submitted,
          count(*) filter (where what = 'approved') as approved,
          count(*) filter (where what = 'decided') as decided
        from (
          select e.actor_id as person, case when e.to_status = 'in_review' then 'submitted' else 'decided' end as what
          from review_events e
          where e.kind = 'status' and e.created_at >= ${since} and ((${SUBMITTED}) or (${DECIDED}))
          union all
          select a.author_id, 'approved'
          from review_events e join annotations a on a.id = e.annotation_id
          where e.kind = 'status' and e.to_status = 'approved' and e.created_at >= ${since}
        ) happened
        group by person
      ) f
      join users u on u.id = f.person
      order by coalesce(f.submitted, 0) + coalesce(f.approved, 0) + coalesce(f.decided, 0) desc, u.name
    `),
  );
}

async function readersSince(db: Database, since: Date): Promise<DeskStatistics["readers"]> {
  const [row] = rowsOf<{ received: number; handled: number; median: number | null; waiting: number; oldest: string | Date | null }>(
    await db.execute(sql`
      select
        count(*) filter (where received_at >= ${since})::int as "received",
        count(*) filter (where handled_at >= ${since})::int as "handled",
        percentile_cont(0.5) within group (order by extract(epoch from handled_at - received_at)) filter (where handled_at >= ${since}) as "median",
        count(*) filter (where handled_at is null)::int as "waiting",
        min(received_at) filter (where handled_at is null) as "oldest"
      from reader_messages
      where received_at >= ${since} or handled_at >= ${since} or handled_at is null
    `),
  );
  return {
    received: row!.received,
    handled: row!.handled,
    medianHoursToHandle: row!.median === null ? null : Number(row!.median) / HOUR_SECONDS,
    waiting: row!.waiting,
    oldestWaitingSince: row!.oldest === null ? null : new Date(row!.oldest).toISOString(),
  };
}
