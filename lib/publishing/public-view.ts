import { and, asc, desc, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles, reviewEvents, sources, users } from "@/db/schema";
import { claimantOf, type Claimant } from "@/lib/annotations/claimant";
import { claimantSelection } from "@/lib/annotations/claimant-sql";
import type { Verdict } from "@/lib/annotations/verdicts";
import { topicsOfArticles } from "@/lib/articles/topics";
import { isSafeHttpUrl } from "@/lib/urls";
import { toldToReaders, type PublicChange } from "./corrections";
import { lastPublicChanges, publicChangesOfArticle, updatedAfter } from "./public-changes";

/**
 * The claims a public page shows: approved, in the text (not orphaned, not discarded) and placed with
 * confidence. A doubtful placement waits for someone to confirm it, since a highlight on the wrong
 * sentence would be worse in public than none.
 */
export const SHOWN_IN_PUBLIC = and(
  eq(annotations.status, "approved"),
  isNull(annotations.orphanedAt),
  isNull(annotations.discardedAt),
  eq(annotations.placementChecked, true),
);

/** A source as the public sees it: where to read it, never who added it. */
export type PublicSource = { url: string; title: string; publisher: string; archiveUrl: string | null };

/** An approved claim on the public page. */
export type PublicClaim = {
  id: string;
  /** Its place in reading order, from 1: the number of its note. */
  number: number;
  quote: string;
  start: number;
  end: number;
  verdict: Verdict | null;
  /** Who made the claim, or null when the fact-checker named nobody. */
  claimant: Claimant | null;
  explanation: string;
  sources: PublicSource[];
  /** When it was approved (the latest approval, if it was reopened and approved again). */
  approvedAt: string;
  /** Who approved it: only when the newsroom chose to show reviewers' names, else null. */
  approvedBy: string | null;
};

/** What `/p/<slug>` shows: the article's current revision and its approved, placed claims. */
export type PublicArticle = {
  id: string;
  slug: string;
  title: string;
  byline: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  publishedAt: string;
  /** The editors' summary, under the title ("In short"), or null. */
  summary: string | null;
  /** The topics it is filed under, in the desk's order: each links to the index of that topic. */
  topics: string[];
  /**
   * When the page last changed after it was published (its text revised; a claim approved, reopened,
   * moved or taken off it), or null when it has not: the "Updated" of its footer.
   */
  updatedAt: string | null;
  doc: unknown;
  claims: PublicClaim[];
  /** Its corrections and updates since it was first published, newest first. */
  changes: PublicChange[];
};

/**
 * The published article at `slug`, or null when there is none (never published, or unpublished), with
 * the claims `SHOWN_IN_PUBLIC`. Drafts, comments, authors and assignees never leave here.
 */
export async function publicArticleBySlug(db: Database, slug: string, options: { showReviewers: boolean }): Promise<PublicArticle | null> {
  const [article] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      byline: articles.byline,
      originalUrl: articles.originalUrl,
      publishedOn: articles.publishedOn,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
      summary: articles.publicSummary,
      doc: articles.doc,
    })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNotNull(articles.publishedAt)));
  if (!article) return null;
  // Everything else at once: each part selects the article's shown claims by itself.
  const [claims, changedAt, changes, topics] = await Promise.all([
    shownClaims(db, eq(annotations.articleId, article.id), { ...options, publishedAt: article.publishedAt! }),
    lastPublicChanges(db, eq(articles.id, article.id)).then((latest) => latest.get(article.id)),
    publicChangesOfArticle(db, article.id, article.firstPublishedAt ?? article.publishedAt!),
    topicsOfArticles(db, [article.id]).then((byArticle) => byArticle.get(article.id) ?? []),
  ]);
  return {
    id: article.id,
    slug: article.slug!,
    title: article.title,
    byline: article.byline,
    originalUrl: article.originalUrl && isSafeHttpUrl(article.originalUrl) ? article.originalUrl : null,
    publishedOn: article.publishedOn,
    publishedAt: article.publishedAt!.toISOString(),
    summary: article.summary,
    topics,
    updatedAt: updatedAfter(article.publishedAt!, changedAt),
    doc: article.doc,
    claims: claims.map((claim, index) => ({ ...claim, number: index + 1 })),
    changes: toldToReaders(changes, new Set(claims.map((claim) => claim.id))),
  };
}

/**
 * The claims `which` selects among those `SHOWN_IN_PUBLIC`, in reading order, each with its sources and
 * its latest approval (the article's publication, `publishedAt`, when none is recorded); unnumbered.
 */
export async function shownClaims(db: Database, which: SQL, options: { showReviewers: boolean; publishedAt: Date }): Promise<Omit<PublicClaim, "number">[]> {
  const shown = and(which, SHOWN_IN_PUBLIC);
  const [claims, sourcesByClaim, approvals] = await Promise.all([
    db
      .select({
        id: annotations.id,
        quote: annotations.quote,
        start: annotations.startOffset,
        end: annotations.endOffset,
        verdict: annotations.verdict,
        ...claimantSelection,
        explanation: annotations.explanation,
      })
      .from(annotations)
      .where(shown)
      .orderBy(asc(annotations.startOffset), asc(annotations.endOffset), asc(annotations.createdAt)),
    selectSources(db, shown),
    selectApprovals(db, shown),
  ]);
  return claims.map(({ claimantName, claimantKind, claimantRole, ...claim }) => {
    const approval = approvals.get(claim.id);
    return {
      ...claim,
      claimant: claimantOf({ claimantName, claimantKind, claimantRole }),
      sources: sourcesByClaim.get(claim.id) ?? [],
      approvedAt: (approval?.at ?? options.publishedAt).toISOString(),
      approvedBy: options.showReviewers ? (approval?.name ?? null) : null,
    };
  });
}

/** The sources of the claims `shown` selects, by claim, in their order. */
async function selectSources(db: Database, shown: SQL | undefined): Promise<Map<string, PublicSource[]>> {
  const rows = await db
    .select({ annotationId: sources.annotationId, url: sources.url, title: sources.title, publisher: sources.publisher, archiveUrl: sources.archiveUrl })
    .from(sources)
    .innerJoin(annotations, eq(annotations.id, sources.annotationId))
    .where(shown)
    .orderBy(asc(sources.annotationId), asc(sources.position));
  const byClaim = new Map<string, PublicSource[]>();
  for (const { annotationId, ...source } of rows) {
    // Sources were validated on the way in; this keeps a forged or legacy row from becoming a public link.
    if (!isSafeHttpUrl(source.url)) continue;
    const list = byClaim.get(annotationId) ?? [];
    list.push({ ...source, archiveUrl: source.archiveUrl && isSafeHttpUrl(source.archiveUrl) ? source.archiveUrl : null });
    byClaim.set(annotationId, list);
  }
  return byClaim;
}

type Approval = { at: Date; name: string };

/** The latest approval of each claim `shown` selects: when, and by whom. */
async function selectApprovals(db: Database, shown: SQL | undefined): Promise<Map<string, Approval>> {
  // The latest approval of each claim only (its index walks a claim's events by time), not every one it had.
  const rows = await db
    .selectDistinctOn([reviewEvents.annotationId], { annotationId: reviewEvents.annotationId, at: reviewEvents.createdAt, name: users.name })
    .from(reviewEvents)
    .innerJoin(annotations, eq(annotations.id, reviewEvents.annotationId))
    .innerJoin(users, eq(users.id, reviewEvents.actorId))
    .where(and(shown, eq(reviewEvents.kind, "status"), eq(reviewEvents.toStatus, "approved")))
    .orderBy(reviewEvents.annotationId, desc(reviewEvents.createdAt));
  return new Map(rows.map((row) => [row.annotationId, { at: row.at, name: row.name }]));
}
