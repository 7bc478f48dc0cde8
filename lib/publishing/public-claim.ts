import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import type { Verdict } from "@/lib/annotations/verdicts";
import { ratingChangesByClaim } from "./corrections";
import { publicChangesOfClaim } from "./public-changes";
import { shownClaims, type PublicArticle, type PublicClaim } from "./public-view";

/** The article an embedded claim belongs to, as its embed names it. */
export type EmbedArticle = Pick<PublicArticle, "slug" | "title" | "byline">;

/**
 * One claim of a public page as an embed shows it, elsewhere and later than it was embedded:
 * - `shown`: on the page now, with what it was rated before when a correction changed its rating;
 * - `withdrawn`: its rating was taken off the page for another review (a correction readers are told of,
 *   with the editor's note, if any); the rating it had is never shown as if it stood;
 * - `updating`: approved but off the page for now, its place in a revised text waiting for a check.
 */
export type EmbeddedClaim =
  | { kind: "shown"; article: EmbedArticle; claim: Omit<PublicClaim, "number">; ratedBefore: { at: string; from: Verdict } | null }
  | { kind: "withdrawn"; article: EmbedArticle; quote: string; at: string; note: string | null }
  | { kind: "updating"; article: EmbedArticle; quote: string };

/**
 * The claim `claimId` of the published article at `slug`, as an embed shows it, or null when there is
 * nothing readers may see of it: the article is not published, the claim is another article's, or
 * readers were never shown it (a draft, a claim in review that was never approved, a discarded orphan).
 * It reads that one claim, not the whole page: embeds are read wherever they are pasted.
 */
export async function embeddedClaim(db: Database, slug: string, claimId: string, options: { showReviewers: boolean }): Promise<EmbeddedClaim | null> {
  const [row] = await db
    .select({
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      quote: annotations.quote,
      status: annotations.status,
      discardedAt: annotations.discardedAt,
    })
    .from(annotations)
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .where(and(eq(annotations.id, claimId), eq(articles.slug, slug), isNotNull(articles.publishedAt)));
  if (!row || row.discardedAt) return null;
  const article = { slug: row.slug!, title: row.title, byline: row.byline };
  const publishedAt = row.publishedAt!;
  const [[claim], changes] = await Promise.all([
    shownClaims(db, eq(annotations.id, claimId), { ...options, publishedAt }),
    publicChangesOfClaim(db, claimId, row.firstPublishedAt ?? publishedAt),
  ]);
  if (claim) return { kind: "shown", article, claim, ratedBefore: ratingChangesByClaim(changes).get(claimId) ?? null };
  const [latest] = changes;
  if (latest?.kind === "rating_withdrawn") return { kind: "withdrawn", article, quote: latest.quote, at: latest.at, note: latest.note };
  return row.status === "approved" ? { kind: "updating", article, quote: row.quote } : null;
}
