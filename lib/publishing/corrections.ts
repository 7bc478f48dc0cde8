import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articleRevisions, articles, reviewEvents } from "@/db/schema";
import type { Verdict } from "@/lib/annotations/verdicts";
import type { ReviewStatus } from "@/lib/reviews/statuses";

/**
 * What changed on a public page after it was first published, as its "Corrections and updates" list
 * says it. A fact-checker owes readers every change of a rating they may have read: the desk's page is
 * derived from its claims, so the list is derived from their history, and no change can go unlisted.
 */
export type PublicChange =
  /** A rating readers saw was replaced by another: a correction. */
  | { kind: "rating_changed"; at: string; claimId: string; quote: string; from: Verdict; to: Verdict }
  /** A rating readers saw was taken off the page (reopened for another review) and has not come back: a correction. */
  | { kind: "rating_withdrawn"; at: string; claimId: string; quote: string; verdict: Verdict | null }
  /** A claim reviewed again and approved with the rating readers saw (`earlier`), or one not known (`earlier` null: approved before the desk kept ratings). */
  | { kind: "rating_reviewed"; at: string; claimId: string; quote: string; verdict: Verdict | null; earlier: Verdict | null }
  /** A claim checked after publication, new to readers. */
  | { kind: "claim_added"; at: string; claimId: string; quote: string; verdict: Verdict | null }
  /** The article's text revised: the revisions saved on one day (UTC), dated by the last. */
  | { kind: "text_revised"; at: string; revisions: number };

/** Changes that correct what readers were told, as opposed to updates that add to it. */
export function isCorrection(change: PublicChange): boolean {
  return change.kind === "rating_changed" || change.kind === "rating_withdrawn";
}

/** The latest correction's date, for the notice under the title; null when the page was never corrected. */
export function lastCorrectionAt(changes: PublicChange[]): string | null {
  return changes.find(isCorrection)?.at ?? null;
}

/** Each re-rated claim's latest change of rating, for its note: when, and what it was rated before. */
export function ratingChangesByClaim(changes: PublicChange[]): Map<string, { at: string; from: Verdict }> {
  const latest = new Map<string, { at: string; from: Verdict }>();
  for (const change of changes) {
    if (change.kind === "rating_changed" && !latest.has(change.claimId)) latest.set(change.claimId, { at: change.at, from: change.from });
  }
  return latest;
}

/** A claim's move into or out of "approved": the only moves that change what a public page shows of it. */
export type ApprovalStep = { claimId: string; quote: string; at: Date; to: ReviewStatus; verdict: Verdict | null };

type ClaimState = {
  approved: boolean;
  /** The verdict of its latest approval (null: none, or not recorded). */
  verdict: Verdict | null;
  /** The rating readers last saw: undefined while they never saw one; `{ verdict: null }` when it is not known. */
  seen?: { verdict: Verdict | null };
  /** Its withdrawal since readers last saw it, folded into the approval that brings it back. */
  withdrawal?: PublicChange;
  /** Whether its steps reached the first publication yet. */
  published: boolean;
};

/**
 * The public changes of one article, newest first, from every approval step of its claims (in any
 * order) and the times its revisions were saved. Only what happened after `firstPublishedAt` counts;
 * a claim approved then is what readers first saw. A withdrawal and the approval that ends it are one
 * change: "rating changed" or "reviewed again", dated by the approval.
 */
export function publicChangesOf(steps: ApprovalStep[], revisionTimes: Date[], firstPublishedAt: Date): PublicChange[] {
  const claims = new Map<string, ClaimState>();
  const changes: PublicChange[] = [];
  for (const step of [...steps].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const claim = claims.get(step.claimId) ?? { approved: false, verdict: null, published: false };
    claims.set(step.claimId, claim);
    const afterPublication = step.at > firstPublishedAt;
    if (afterPublication && !claim.published) {
      claim.published = true;
      if (claim.approved) claim.seen = { verdict: claim.verdict };
    }
    const about = { at: step.at.toISOString(), claimId: step.claimId, quote: step.quote };
    if (step.to === "approved") {
      if (afterPublication) {
        if (claim.withdrawal) changes.splice(changes.indexOf(claim.withdrawal), 1);
        changes.push(approvalChange(about, claim.seen, step.verdict));
        claim.withdrawal = undefined;
        claim.seen = { verdict: step.verdict };
      }
      claim.approved = true;
      claim.verdict = step.verdict;
    } else if (claim.approved) {
      if (afterPublication && claim.seen) {
        claim.withdrawal = { kind: "rating_withdrawn", ...about, verdict: claim.verdict ?? claim.seen.verdict };
        changes.push(claim.withdrawal);
      }
      claim.approved = false;
    }
  }
  changes.push(...revisedDays(revisionTimes.filter((at) => at > firstPublishedAt)));
  return changes.sort((a, b) => b.at.localeCompare(a.at));
}

function approvalChange(about: { at: string; claimId: string; quote: string }, seen: ClaimState["seen"], verdict: Verdict | null): PublicChange {
  if (!seen) return { kind: "claim_added", ...about, verdict };
  if (seen.verdict && verdict && seen.verdict !== verdict) return { kind: "rating_changed", ...about, from: seen.verdict, to: verdict };
  return { kind: "rating_reviewed", ...about, verdict, earlier: seen.verdict };
}

/** One change per UTC day with revisions, dated by its last, so that a morning of small saves is one line. */
function revisedDays(times: Date[]): PublicChange[] {
  const days = new Map<string, { at: string; revisions: number }>();
  for (const time of times) {
    const at = time.toISOString();
    const day = days.get(at.slice(0, 10));
    days.set(at.slice(0, 10), { at: day && day.at > at ? day.at : at, revisions: (day?.revisions ?? 0) + 1 });
  }
  return [...days.values()].map((day) => ({ kind: "text_revised", ...day }));
}

/**
 * The changes readers are told of, given the claims the page `shown` now: an addition or a rating
 * confirmed is news only with its fact-check on the page (one waiting for its placement to be checked
 * is not yet); a correction is told whatever became of the claim since.
 */
export function toldToReaders(changes: PublicChange[], shown: ReadonlySet<string>): PublicChange[] {
  return changes.filter((change) => !(change.kind === "claim_added" || change.kind === "rating_reviewed") || shown.has(change.claimId));
}

/** Whether the review event `events` (a table name or alias) is an approval step: a status change into or out of "approved". */
const isApprovalStep = (events: "review_events" | "later") =>
  sql.raw(`${events}.kind = 'status' and (${events}.to_status = 'approved' or ${events}.from_status = 'approved')`);

/**
 * The approval steps of the claims of these articles that have one after the article's first
 * publication, by article: only those can have changed what readers saw, and on most pages they are few.
 */
async function approvalStepsOf(db: Database, articleIds: string[]): Promise<Map<string, ApprovalStep[]>> {
  const rows = await db
    .select({
      articleId: annotations.articleId,
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
        inArray(annotations.articleId, articleIds),
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

/** The public changes of the article `articleId`, first published at `firstPublishedAt`: two indexed queries. */
export async function publicChangesOfArticle(db: Database, articleId: string, firstPublishedAt: Date): Promise<PublicChange[]> {
  const [steps, revisions] = await Promise.all([
    approvalStepsOf(db, [articleId]),
    db
      .select({ at: articleRevisions.createdAt })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), gt(articleRevisions.createdAt, firstPublishedAt))),
  ]);
  return publicChangesOf(
    steps.get(articleId) ?? [],
    revisions.map((revision) => revision.at),
    firstPublishedAt,
  );
}

/** When each of these published articles was last corrected (its id to the date), for the index and the feed: one query. */
export async function lastCorrectionsOf(db: Database, published: { id: string; firstPublishedAt: Date }[]): Promise<Map<string, string>> {
  const corrected = new Map<string, string>();
  if (published.length === 0) return corrected;
  const steps = await approvalStepsOf(
    db,
    published.map((article) => article.id),
  );
  for (const { id, firstPublishedAt } of published) {
    const at = lastCorrectionAt(publicChangesOf(steps.get(id) ?? [], [], firstPublishedAt));
    if (at) corrected.set(id, at);
  }
  return corrected;
}
