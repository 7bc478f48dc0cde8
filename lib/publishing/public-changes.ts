import { and, eq, gt, inArray, max, ne, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articleRevisions, articles, correctionNotes, reviewEvents } from "@/db/schema";
import { newsroomConfig } from "@/lib/newsroom/config";
import { lastCorrectionAt, publicChangesOf, withNotes, type ApprovalStep, type PublicChange } from "./corrections";

/**
 * The latest change to what each public page shows, for the articles `which` selects: its current
 * revision's save, its summary written, its details (title, byline, …) changed, an event of a claim that was or became approved (its approval,
 * its reopening, a placement moved or confirmed), or a note to readers written on one of its
 * corrections. Three grouped queries, whatever the number of articles.
 */
export async function lastPublicChanges(db: Database, which: SQL | undefined): Promise<Map<string, Date>> {
  const [revised, reviewed, noted] = await Promise.all([
    db
      .select({ articleId: articles.id, at: sql<Date>`greatest(${articleRevisions.createdAt}, ${articles.summaryUpdatedAt}, ${articles.detailsUpdatedAt})`.mapWith(articleRevisions.createdAt) })
      .from(articleRevisions)
      .innerJoin(articles, and(eq(articles.id, articleRevisions.articleId), eq(articles.revision, articleRevisions.revision)))
      .where(which),
    db
      .select({ articleId: annotations.articleId, at: max(reviewEvents.createdAt) })
      .from(reviewEvents)
      .innerJoin(annotations, eq(annotations.id, reviewEvents.annotationId))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      // An assignment changes who checks a claim, nothing readers see.
      .where(and(which, ne(reviewEvents.kind, "assigned"), or(eq(reviewEvents.toStatus, "approved"), eq(reviewEvents.fromStatus, "approved"))))
      .groupBy(annotations.articleId),
    db
      .select({ articleId: annotations.articleId, at: max(correctionNotes.writtenAt) })
      .from(correctionNotes)
      .innerJoin(reviewEvents, eq(reviewEvents.id, correctionNotes.reviewEventId))
      .innerJoin(annotations, eq(annotations.id, reviewEvents.annotationId))
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(which)
      .groupBy(annotations.articleId),
  ]);
  const latest = new Map<string, Date>();
  for (const { articleId, at } of [...revised, ...reviewed, ...noted]) {
    if (at === null) continue;
    const time = new Date(at);
    const known = latest.get(articleId);
    if (!known || time > known) latest.set(articleId, time);
  }
  return latest;
}

/** The "Updated" a public page shows: its last change when that came after its publication, else null. */
export function updatedAfter(publishedAt: Date, changedAt: Date | undefined): string | null {
  return changedAt && changedAt > publishedAt ? changedAt.toISOString() : null;
}

/** Whether the review event `events` (a table name or alias) is an approval step: a status change into or out of "approved". */
const isApprovalStep = (events: "review_events" | "later") =>
  sql.raw(`${events}.kind = 'status' and (${events}.to_status = 'approved' or ${events}.from_status = 'approved')`);

/**
 * The approval steps of the claims `which` selects that have one after their article's first
 * publication, by article: only those can have changed what readers saw, and on most pages they are few.
 */
async function approvalStepsOf(db: Database, which: SQL): Promise<Map<string, ApprovalStep[]>> {
  const rows = await db
    .select({
      articleId: annotations.articleId,
      eventId: reviewEvents.id,
      claimId: annotations.id,
      quote: annotations.quote,
      at: reviewEvents.createdAt,
      to: reviewEvents.toStatus,
      verdict: reviewEvents.verdict,
    })
    .from(reviewEvents)
    .innerJoin(annotations, eq(annotations.id, reviewEvents.annotationId))
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .where(
      and(
        which,
        isApprovalStep("review_events"),
        sql`exists (select 1 from ${reviewEvents} as later where later.annotation_id = ${annotations.id} and ${isApprovalStep("later")}
          and later.created_at > coalesce(${articles.firstPublishedAt}, ${articles.publishedAt}))`,
      ),
    );
  const byArticle = new Map<string, ApprovalStep[]>();
  for (const { articleId, ...step } of rows) {
    const steps = byArticle.get(articleId) ?? [];
    steps.push(step);
    byArticle.set(articleId, steps);
  }
  return byArticle;
}

/** The public changes of the article `articleId`, first published at `firstPublishedAt`, with their notes to readers: three indexed queries. */
export async function publicChangesOfArticle(db: Database, articleId: string, firstPublishedAt: Date): Promise<PublicChange[]> {
  // One query after the other, so that a transaction (one connection) may call this too.
  const steps = await approvalStepsOf(db, eq(annotations.articleId, articleId));
  const revisions = await db
    .select({ at: articleRevisions.createdAt })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), gt(articleRevisions.createdAt, firstPublishedAt)));
  const articleSteps = steps.get(articleId) ?? [];
  const changes = publicChangesOf(
    articleSteps,
    revisions.map((revision) => revision.at),
    firstPublishedAt,
    newsroomConfig().timeZone,
  );
  return withNotes(changes, await notesOn(db, articleSteps.map((step) => step.eventId)));
}

/**
 * The public changes of one claim, `claimId`, whose article was first published at `firstPublishedAt`,
 * with their notes: what `publicChangesOfArticle` says of it (each claim's changes are its own), read
 * without the rest of the page.
 */
export async function publicChangesOfClaim(db: Database, claimId: string, firstPublishedAt: Date): Promise<PublicChange[]> {
  const steps = [...(await approvalStepsOf(db, eq(annotations.id, claimId))).values()].flat();
  const changes = publicChangesOf(steps, [], firstPublishedAt);
  return withNotes(changes, await notesOn(db, steps.map((step) => step.eventId)));
}

/** The notes to readers kept on these review events, by event. */
async function notesOn(db: Database, eventIds: string[]): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: correctionNotes.reviewEventId, body: correctionNotes.body })
    .from(correctionNotes)
    .where(inArray(correctionNotes.reviewEventId, eventIds));
  return new Map(rows.map((row) => [row.eventId, row.body]));
}

/** When each of these published articles was last corrected (its id to the date), for the index and the feed: one query. */
export async function lastCorrectionsOf(db: Database, published: { id: string; firstPublishedAt: Date }[]): Promise<Map<string, string>> {
  const corrected = new Map<string, string>();
  if (published.length === 0) return corrected;
  const steps = await approvalStepsOf(
    db,
    inArray(
      annotations.articleId,
      published.map((article) => article.id),
    ),
  );
  for (const { id, firstPublishedAt } of published) {
    const at = lastCorrectionAt(publicChangesOf(steps.get(id) ?? [], [], firstPublishedAt));
    if (at) corrected.set(id, at);
  }
  return corrected;
}
