import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { annotations, articleRevisions, articles, originalChecks } from "@/db/schema";
import { isId } from "@/lib/ids";
import { containsPattern } from "@/lib/like-pattern";
import { mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/reviews/statuses";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { filedUnder, MAX_TOPIC_LENGTH, topicsOfArticles } from "./topics";

export type ArticleSummary = {
  id: string;
  title: string;
  byline: string | null;
  publishedOn: string | null;
  revision: number;
  /** When its current revision was saved (or the article imported), ISO 8601. */
  revisedAt: string;
  /** Its public page's slug (`/p/<slug>`) while it is published; null while it is not. */
  publicSlug: string | null;
  /** Claims on the article's text, by review status. */
  claimsByStatus: Record<ReviewStatus, number>;
  /** Claims a revision took the text of, waiting to be re-attached or discarded, whatever their status. */
  orphanedClaims: number;
  /** Claims on the text whose placement waits for a person's check ("check placement"). */
  placementsToCheck: number;
  /** When an editor archived it, ISO 8601; null while it is current. */
  archivedAt: string | null;
  /** When the desk saw its original change at its web address, ISO 8601, until a revision or an editor answers it; else null. */
  originalChangedAt: string | null;
  /** The topics it is filed under, in their order. */
  topics: string[];
};

/** Articles per page of the list: a newsroom's archive grows by dozens a day. */
export const ARTICLES_PER_PAGE = 50;
const MAX_SEARCH_LENGTH = 200;
/** Words of a search that count; more add nothing a person would type. */
const MAX_SEARCH_WORDS = 8;

/**
 * `?q=` (words the title or byline must all contain, in any case), `?topic=` (a topic it is filed under, any case), `?archived=true` (the archived articles,
 * instead of the current ones), `?page=` (from 1) and `?limit=` (articles per page, at most 50: a search
 * offering a few matches asks for no more) of the list of articles.
 */
export const articleListQuerySchema = z.strictObject({
  q: z.string().trim().max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`).default(""),
  topic: z.string().trim().max(MAX_TOPIC_LENGTH, `must be at most ${MAX_TOPIC_LENGTH} characters`).default(""),
  archived: z.stringbool({ error: "must be true or false" }).default(false),
  page: z.coerce.number({ error: "must be a page number, a whole number from 1" }).int("must be a whole number").min(1, "must be at least 1").default(1),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${ARTICLES_PER_PAGE}` })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(ARTICLES_PER_PAGE, `must be at most ${ARTICLES_PER_PAGE}`)
    .default(ARTICLES_PER_PAGE),
});

export type ArticleListQuery = z.output<typeof articleListQuerySchema>;

/**
 * One page of the list: its articles, how many match in all, how many pages they fill (at least one), how
 * many articles are archived in all (for the link to them), and, for a search of the current articles, how
 * many archived ones it would find (so that a search finds an article that was filed away).
 */
export type ArticleListPage = {
  query: ArticleListQuery;
  articles: ArticleSummary[];
  total: number;
  pageCount: number;
  archivedTotal: number;
  archivedMatches: number;
};

function searchCondition(search: string): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  return and(...words.map((word) => or(ilike(articles.title, containsPattern(word)), ilike(articles.byline, containsPattern(word)))));
}

/**
 * How many claims of each article are in each review status, how many are orphaned and how many
 * wait for a placement check (one grouped query for the page's articles; discarded claims are not
 * counted), and their topics.
 */
async function summariesOf(db: Database, rows: Omit<ArticleSummary, "claimsByStatus" | "orphanedClaims" | "placementsToCheck" | "topics">[]): Promise<ArticleSummary[]> {
  if (rows.length === 0) return [];
  const summaries = new Map<string, ArticleSummary>();
  const topics = await topicsOfArticles(db, rows.map((row) => row.id));
  for (const row of rows) {
    const claimsByStatus = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
    summaries.set(row.id, { ...row, claimsByStatus, orphanedClaims: 0, placementsToCheck: 0, topics: topics.get(row.id)! });
  }
  const counts = await db
    .select({
      articleId: annotations.articleId,
      status: annotations.status,
      placed: sql<number>`(count(*) filter (where ${annotations.orphanedAt} is null))::int`,
      orphaned: sql<number>`(count(*) filter (where ${annotations.orphanedAt} is not null))::int`,
      toCheck: sql<number>`(count(*) filter (where ${annotations.orphanedAt} is null and not ${annotations.placementChecked}))::int`,
    })
    .from(annotations)
    .where(and(inArray(annotations.articleId, [...summaries.keys()]), isNull(annotations.discardedAt)))
    .groupBy(annotations.articleId, annotations.status);
  for (const row of counts) {
    const summary = summaries.get(row.articleId)!;
    summary.claimsByStatus[row.status] = row.placed;
    summary.orphanedClaims += row.orphaned;
    summary.placementsToCheck += row.toCheck;
  }
  return [...summaries.values()];
}

/**
 * A page of the current articles (or, with `archived`, the archived ones), newest first, that match the
 * search and the topic, each with its claims counted by review status and its orphaned claims. A page past the last is
 * empty, with the true count.
 */
export async function listArticles(db: Database, actor: Actor | null, input: unknown = {}): Promise<ArticleListPage> {
  enforce(mayViewArticles(actor), actor);
  const query = parseInput(articleListQuerySchema, input);
  const search = and(searchCondition(query.q), query.topic ? filedUnder(query.topic) : undefined);
  const where = and(query.archived ? isNotNull(articles.archivedAt) : isNull(articles.archivedAt), search);
  const [rows, [total], [archived], [archivedMatching]] = await Promise.all([
    db
      .select({
        id: articles.id,
        title: articles.title,
        byline: articles.byline,
        publishedOn: articles.publishedOn,
        revision: articles.revision,
        revisedAt: sql<string>`coalesce(${articleRevisions.createdAt}, ${articles.createdAt})`.mapWith((value: string | Date) => new Date(value).toISOString()),
        publicSlug: sql<string | null>`case when ${articles.publishedAt} is not null then ${articles.slug} end`,
        archivedAt: articles.archivedAt,
        originalChangedAt: originalChecks.changedAt,
      })
      .from(articles)
      .leftJoin(articleRevisions, and(eq(articleRevisions.articleId, articles.id), eq(articleRevisions.revision, articles.revision)))
      // As `readOriginalWatch` says: a change seen in the current revision, of the address the article has now.
      .leftJoin(
        originalChecks,
        and(eq(originalChecks.articleId, articles.id), eq(originalChecks.url, articles.originalUrl), sql`${originalChecks.changedInRevision} >= ${articles.revision}`),
      )
      .where(where)
      .orderBy(desc(articles.createdAt), asc(articles.title), asc(articles.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    db.select({ value: count() }).from(articles).where(where),
    db.select({ value: count() }).from(articles).where(isNotNull(articles.archivedAt)),
    (query.q || query.topic) && !query.archived ? db.select({ value: count() }).from(articles).where(and(isNotNull(articles.archivedAt), search)) : [{ value: 0 }],
  ]);
  const matching = total?.value ?? 0;
  const summaries = await summariesOf(
    db,
    rows.map((row) => ({ ...row, archivedAt: row.archivedAt?.toISOString() ?? null, originalChangedAt: row.originalChangedAt?.toISOString() ?? null })),
  );
  return {
    query,
    articles: summaries,
    total: matching,
    pageCount: Math.max(1, Math.ceil(matching / query.limit)),
    archivedTotal: archived?.value ?? 0,
    archivedMatches: archivedMatching?.value ?? 0,
  };
}

/** The id and title of the article `id`, for a filter that has it chosen; null when there is none. */
export async function articleChoice(db: Database, actor: Actor | null, id: string | undefined): Promise<{ id: string; title: string } | null> {
  enforce(mayViewArticles(actor), actor);
  if (!id || !isId(id)) return null;
  const [found] = await db.select({ id: articles.id, title: articles.title }).from(articles).where(eq(articles.id, id));
  return found ?? null;
}
