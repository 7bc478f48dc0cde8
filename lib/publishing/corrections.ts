import type { Verdict } from "@/lib/annotations/verdicts";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import { dayIn } from "@/lib/time-zone";

/**
 * A change to one claim as readers are told it: when, the claim, and the review events it stands for,
 * its own first (an approval, or a withdrawal), then the withdrawal an approval ended, if any. An
 * editor's note to readers is kept on the first of them; a withdrawal's note carries over to the
 * approval that ended it until the approval gets its own.
 */
type ClaimChange = { at: string; claimId: string; quote: string; eventIds: string[]; note: string | null };

/**
 * What changed on a public page after it was first published, as its "Corrections and updates" list
 * says it. A fact-checker owes readers every change of a rating they may have read: the desk's page is
 * derived from its claims, so the list is derived from their history, and no change can go unlisted.
 * Pure: `lib/publishing/public-changes.ts` reads the history and the notes.
 */
export type PublicChange =
  /** A rating readers saw was replaced by another: a correction. */
  | (ClaimChange & { kind: "rating_changed"; from: Verdict; to: Verdict })
  /** A rating readers saw was taken off the page (reopened for another review) and has not come back: a correction. */
  | (ClaimChange & { kind: "rating_withdrawn"; verdict: Verdict | null })
  /** A claim reviewed again and approved with the rating readers saw (`earlier`), or one not known (`earlier` null: approved before the desk kept ratings). */
  | (ClaimChange & { kind: "rating_reviewed"; verdict: Verdict | null; earlier: Verdict | null })
  /** A claim checked after publication, new to readers. */
  | (ClaimChange & { kind: "claim_added"; verdict: Verdict | null })
  /** The article's text revised: the revisions saved on one day (UTC), dated by the last. */
  | { kind: "text_revised"; at: string; revisions: number };

/** The longest note to readers an editor may write on a correction. */
export const MAX_NOTE_LENGTH = 2_000;

/** Changes that correct what readers were told, as opposed to updates that add to it. */
export function isCorrection(change: PublicChange): boolean {
  return change.kind === "rating_changed" || change.kind === "rating_withdrawn";
}

/** Gives each claim's change the note kept on the first of its events that has one. */
export function withNotes(changes: PublicChange[], notes: ReadonlyMap<string, string>): PublicChange[] {
  return changes.map((change) => (change.kind === "text_revised" ? change : { ...change, note: firstNote(change.eventIds, notes) }));
}

function firstNote(eventIds: string[], notes: ReadonlyMap<string, string>): string | null {
  for (const id of eventIds) {
    const note = notes.get(id);
    if (note) return note;
  }
  return null;
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
export type ApprovalStep = { eventId: string; claimId: string; quote: string; at: Date; to: ReviewStatus; verdict: Verdict | null };

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
 * change: "rating changed" or "reviewed again", dated by the approval. Revisions count by the days of
 * `timeZone`, the newsroom's.
 */
export function publicChangesOf(steps: ApprovalStep[], revisionTimes: Date[], firstPublishedAt: Date, timeZone = "UTC"): PublicChange[] {
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
    const about = { at: step.at.toISOString(), claimId: step.claimId, quote: step.quote, eventIds: [step.eventId], note: null };
    if (step.to === "approved") {
      if (afterPublication) {
        if (claim.withdrawal) {
          changes.splice(changes.indexOf(claim.withdrawal), 1);
          about.eventIds.push(...(claim.withdrawal as ClaimChange).eventIds);
        }
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
  changes.push(...revisedDays(revisionTimes.filter((at) => at > firstPublishedAt), timeZone));
  return changes.sort((a, b) => b.at.localeCompare(a.at));
}

function approvalChange(about: ClaimChange, seen: ClaimState["seen"], verdict: Verdict | null): PublicChange {
  if (!seen) return { kind: "claim_added", ...about, verdict };
  if (seen.verdict && verdict && seen.verdict !== verdict) return { kind: "rating_changed", ...about, from: seen.verdict, to: verdict };
  return { kind: "rating_reviewed", ...about, verdict, earlier: seen.verdict };
}

/** One change per day (of `timeZone`) with revisions, dated by its last, so that a morning of small saves is one line. */
function revisedDays(times: Date[], timeZone: string): PublicChange[] {
  const days = new Map<string, { at: string; revisions: number }>();
  for (const time of times) {
    const at = time.toISOString();
    const key = dayIn(timeZone, time);
    const day = days.get(key);
    days.set(key, { at: day && day.at > at ? day.at : at, revisions: (day?.revisions ?? 0) + 1 });
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
