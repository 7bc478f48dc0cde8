import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayViewArticles } from "@/lib/policies/article";
import type { Actor } from "@/lib/users/actor";
import { SHOWN_IN_PUBLIC } from "./public-view";

/**
 * Why a claim that may yet be published is not on the public page now. Rejected and discarded claims
 * are left out: they are never meant to be.
 */
export const WAITING_REASONS = ["in_review", "changes_requested", "draft", "placement", "orphaned"] as const;
export type WaitingReason = (typeof WAITING_REASONS)[number];

/** What a public page of the article shows now, and what waits to join it. */
export type PublicationReadiness = { shown: number; waiting: Record<WaitingReason, number> };

const inText = isNull(annotations.orphanedAt);
const countWhere = (...conditions: (SQL | undefined)[]) => sql<number>`count(*) filter (where ${and(...conditions)})`.mapWith(Number);

/** The claims the article's public page shows, and those that wait for a review or a check before they can be (for anyone who may view it). */
export async function publicationReadiness(db: Database, actor: Actor | null, articleId: string): Promise<PublicationReadiness> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const [row] = await db
    .select({
      shown: countWhere(SHOWN_IN_PUBLIC),
      in_review: countWhere(inText, eq(annotations.status, "in_review")),
      changes_requested: countWhere(inText, eq(annotations.status, "changes_requested")),
      draft: countWhere(inText, eq(annotations.status, "draft")),
      placement: countWhere(inText, eq(annotations.status, "approved"), eq(annotations.placementChecked, false)),
      orphaned: countWhere(isNotNull(annotations.orphanedAt), eq(annotations.status, "approved")),
    })
    .from(annotations)
    .where(and(eq(annotations.articleId, articleId), isNull(annotations.discardedAt)));
  const { shown, ...waiting } = row!;
  return { shown, waiting };
}

const WAITING_WORDS: Record<WaitingReason, (count: number) => string> = {
  in_review: (count) => `${count} in review`,
  changes_requested: (count) => `${count} with changes requested`,
  draft: (count) => `${count} ${count === 1 ? "draft" : "drafts"}`,
  placement: (count) => `${count} approved ${count === 1 ? "claim" : "claims"} whose placement is to check`,
  orphaned: (count) => `${count} approved ${count === 1 ? "orphan" : "orphans"} to re-attach`,
};

/** "2 in review, 1 draft and 1 approved claim whose placement is to check", or "" when nothing waits. */
export function describeWaiting(waiting: Record<WaitingReason, number>): string {
  const parts = WAITING_REASONS.filter((reason) => waiting[reason] > 0).map((reason) => WAITING_WORDS[reason](waiting[reason]));
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : (parts[0] ?? "");
}

/**
 * What to ask an editor about to publish, or null when every claim that could be public is: a page with
 * no checked claim, or with claims still on their way, should not go out by surprise.
 */
export function publishQuestion(readiness: PublicationReadiness): { question: string; detail: string; action: string } | null {
  const waiting = describeWaiting(readiness.waiting);
  const claims = (count: number) => `${count} checked ${count === 1 ? "claim" : "claims"}`;
  if (readiness.shown === 0) {
    return {
      question: "Publish without any checked claim?",
      detail: `The public page would show the article with no fact-check on it${waiting ? `. Waiting: ${waiting}` : ""}. Each claim appears there once it is approved and placed.`,
      action: "Publish anyway",
    };
  }
  if (!waiting) return null;
  return {
    question: `Publish with ${claims(readiness.shown)}?`,
    detail: `Not on the public page yet: ${waiting}. Each appears there by itself once it is approved and placed.`,
    action: "Publish",
  };
}
