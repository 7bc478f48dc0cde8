import { and, asc, eq, isNull, sql } from "drizzle-orm";
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
  claimsByStatus: Record<ReviewStatus, number>;
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

/** Every article, newest first, with how many of its claims are in each review status. */
export async function listArticles(db: Database, actor: Actor | null): Promise<ArticleSummary[]> {
  enforce(mayViewArticles(actor), actor);
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      byline: articles.byline,
      publishedOn: articles.publishedOn,
      revision: articles.revision,
      status: annotations.status,
      count: sql<number>`count(${annotations.id})::int`,
    })
    .from(articles)
    .leftJoin(annotations, and(eq(annotations.articleId, articles.id), isNull(annotations.discardedAt)))
    .groupBy(articles.id, annotations.status)
    .orderBy(sql`max(${articles.createdAt}) desc`, asc(articles.title));
  const summaries = new Map<string, ArticleSummary>();
  for (const row of rows) {
    let summary = summaries.get(row.id);
    if (!summary) {
      const claimsByStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
      summary = { id: row.id, title: row.title, byline: row.byline, publishedOn: row.publishedOn, revision: row.revision, claimsByStatus };
      summaries.set(row.id, summary);
    }
    if (row.status) summary.claimsByStatus[row.status] = row.count;
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
