import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/reviews/statuses";
import type { Actor } from "@/lib/users/actor";

export type ArticleSummary = {
  id: string;
  title: string;
  byline: string | null;
  publishedOn: string | null;
  revision: number;
  /** Claims on the article's text, by review status. */
  claimsByStatus: Record<ReviewStatus, number>;
  /** Claims a revision took the text of, waiting to be re-attached or discarded, whatever their status. */
  orphanedClaims: number;
};

export type Article = {
  id: string;
  title: string;
  byline: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  doc: unknown;
  plainText: string;
  revision: number;
  annotationsStamp: number;
};

/**
 * Every article, newest first, with how many of its claims are in each review status and how many are
 * orphaned: one grouped query, whatever the number of articles. Discarded claims are not counted.
 */
export async function listArticles(db: Database, actor: Actor | null): Promise<ArticleSummary[]> {
  enforce(mayViewArticles(actor), actor);
  // Counted before the join, so that the grouping carries two narrow keys, not every article column.
  const claimCounts = db
    .select({
      articleId: annotations.articleId,
      status: annotations.status,
      placed: sql<number>`(count(*) filter (where ${annotations.orphanedAt} is null))::int`.as("placed"),
      orphaned: sql<number>`(count(*) filter (where ${annotations.orphanedAt} is not null))::int`.as("orphaned"),
    })
    .from(annotations)
    .where(isNull(annotations.discardedAt))
    .groupBy(annotations.articleId, annotations.status)
    .as("claim_counts");
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      byline: articles.byline,
      publishedOn: articles.publishedOn,
      revision: articles.revision,
      status: claimCounts.status,
      placed: claimCounts.placed,
      orphaned: claimCounts.orphaned,
    })
    .from(articles)
    .leftJoin(claimCounts, eq(claimCounts.articleId, articles.id))
    .orderBy(desc(articles.createdAt), asc(articles.title), asc(articles.id));
  const summaries = new Map<string, ArticleSummary>();
  for (const row of rows) {
    let summary = summaries.get(row.id);
    if (!summary) {
      const claimsByStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
      const { id, title, byline, publishedOn, revision } = row;
      summary = { id, title, byline, publishedOn, revision, claimsByStatus, orphanedClaims: 0 };
      summaries.set(row.id, summary);
    }
    if (row.status) {
      summary.claimsByStatus[row.status] = row.placed ?? 0;
      summary.orphanedClaims += row.orphaned ?? 0;
    }
  }
  return [...summaries.values()];
}

export async function getArticle(db: Database, actor: Actor | null, id: string): Promise<Article> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db
    .select({
      id: articles.id,
      title: articles.title,
      byline: articles.byline,
      originalUrl: articles.originalUrl,
      publishedOn: articles.publishedOn,
      doc: articles.doc,
      plainText: articles.plainText,
      revision: articles.revision,
      annotationsStamp: articles.annotationsStamp,
    })
    .from(articles)
    .where(eq(articles.id, id));
  if (!article) throw new NotFound(`No article with id ${id}.`);
  return article;
}
