import { and, asc, count, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { annotations, articles, articleTopics } from "@/db/schema";
import { CLAIMANT_LIMITS, claimantOf, type Claimant } from "@/lib/annotations/claimant";
import { claimantSelection, madeBy } from "@/lib/annotations/claimant-sql";
import { inVerdictOrder, VERDICT_LABELS, verdictSchema, type Verdict, type VerdictCount } from "@/lib/annotations/verdicts";
import { filedUnder, MAX_TOPIC_LENGTH, topicName, topicsOfArticles } from "@/lib/articles/topics";
import { containsPattern } from "@/lib/like-pattern";
import { lastCorrectionsOf, lastPublicChanges, updatedAfter } from "./public-changes";
import { SHOWN_IN_PUBLIC } from "./public-view";

/** A published fact-check as the public index and the feed list it. */
export type PublishedFactCheck = {
  id: string;
  slug: string;
  title: string;
  byline: string | null;
  publishedOn: string | null;
  publishedAt: string;
  /** The editors' summary, or null. */
  summary: string | null;
  /** The topics it is filed under, in the desk's order. */
  topics: string[];
  /** When its page last changed after publication, or null (see `PublicArticle.updatedAt`). */
  updatedAt: string | null;
  /** When a rating on it was last changed or withdrawn after its first publication (a correction), or null. */
  correctedAt: string | null;
  /** The claims its page shows, by verdict in the form's order, "no verdict" last; only verdicts it has. */
  verdicts: VerdictCount[];
};

/** The most URLs one sitemap may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

const NEWEST_FIRST = [desc(articles.publishedAt), desc(articles.id)];
/** An article readers can read at its public page. */
export const IS_PUBLISHED = isNotNull(articles.publishedAt);

const MAX_SEARCH_LENGTH = 200;
/** Words of a search that count; more add nothing a reader would type. */
const MAX_SEARCH_WORDS = 8;

// A longer search is cut, not refused: the index answers readers, whatever the address they typed.
const searchText = (max: number) =>
  z
    .string()
    .trim()
    .transform((text) => text.slice(0, max))
    .catch("")
    .default("");

/**
 * What a reader may ask of the index: `q`, words that the title, the byline or a claim the page shows
 * (its quote, or who made it) must each contain (any case); `claimant`, who made a claim the page shows
 * (the whole name, any case); `verdict`, a verdict one of its claims (by `claimant`, when given)
 * must have; and `topic`, a topic it is filed under (any case, its spaces collapsed). Empty is any.
 */
export const publicSearchSchema = z.object({
  q: searchText(MAX_SEARCH_LENGTH),
  claimant: searchText(CLAIMANT_LIMITS.name),
  verdict: z.union([verdictSchema, z.literal("")]).default(""),
  // Cut once its spaces are collapsed, as the desk's topics are.
  topic: z
    .string()
    .transform((text) => topicName(text).slice(0, MAX_TOPIC_LENGTH).trimEnd())
    .catch("")
    .default(""),
});

export type PublicSearch = z.output<typeof publicSearchSchema>;

/** Whether the article of the outer query has a claim its page shows that meets `condition`. */
const anyShownClaim = (condition: SQL | undefined) =>
  sql`exists (select 1 from ${annotations} where ${annotations.articleId} = ${articles.id} and ${SHOWN_IN_PUBLIC} and ${condition})`;

function searchCondition({ q, claimant, verdict, topic }: PublicSearch): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  const claimCondition = and(claimant ? madeBy(claimant) : undefined, verdict ? eq(annotations.verdict, verdict) : undefined);
  return and(
    ...words.map((word) => {
      const pattern = containsPattern(word);
      return or(ilike(articles.title, pattern), ilike(articles.byline, pattern), anyShownClaim(or(ilike(annotations.quote, pattern), ilike(annotations.claimantName, pattern))));
    }),
    claimCondition ? anyShownClaim(claimCondition) : undefined,
    topic ? filedUnder(topic) : undefined,
  );
}

/**
 * The published fact-checks that match `search`, newest publication first, `limit` of them from
 * `offset`, and how many match in all. Reads no one's session: this is what anyone may see.
 */
export async function listPublished(
  db: Database,
  { offset, limit, search = { q: "", claimant: "", verdict: "", topic: "" } }: { offset: number; limit: number; search?: PublicSearch },
): Promise<{ total: number; factChecks: PublishedFactCheck[] }> {
  const where = and(IS_PUBLISHED, searchCondition(search));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        byline: articles.byline,
        publishedOn: articles.publishedOn,
        publishedAt: articles.publishedAt,
        firstPublishedAt: articles.firstPublishedAt,
        summary: articles.publicSummary,
      })
      .from(articles)
      .where(where)
      .orderBy(...NEWEST_FIRST)
      .offset(offset)
      .limit(limit),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  const total = counted?.total ?? 0;
  if (rows.length === 0) return { total, factChecks: [] };
  const ids = rows.map((row) => row.id);
  const [tallies, changes, corrections, topics] = await Promise.all([
    verdictTallies(db, ids),
    lastPublicChanges(db, inArray(articles.id, ids)),
    lastCorrectionsOf(
      db,
      rows.map((row) => ({ id: row.id, firstPublishedAt: row.firstPublishedAt ?? row.publishedAt! })),
    ),
    topicsOfArticles(db, ids),
  ]);
  const factChecks = rows.map(({ firstPublishedAt: _, ...row }) => ({
    ...row,
    slug: row.slug!,
    publishedAt: row.publishedAt!.toISOString(),
    updatedAt: updatedAfter(row.publishedAt!, changes.get(row.id)),
    correctedAt: corrections.get(row.id) ?? null,
    verdicts: tallies.get(row.id) ?? [],
    topics: topics.get(row.id) ?? [],
  }));
  return { total, factChecks };
}

/**
 * How the desk spells `topic` (any case) where it files a published fact-check under it, on the latest
 * publication; null when no published fact-check is filed under it. What the index's heading says.
 */
export async function publishedTopicName(db: Database, topic: string): Promise<string | null> {
  const [filed] = await db
    .select({ name: articleTopics.name })
    .from(articleTopics)
    .innerJoin(articles, eq(articles.id, articleTopics.articleId))
    .where(and(IS_PUBLISHED, sql`lower(${articleTopics.name}) = ${topicName(topic).toLowerCase()}`))
    .orderBy(...NEWEST_FIRST)
    .limit(1);
  return filed?.name ?? null;
}

/** Every public page's slug and when it last changed (its publication, or a later change), for the sitemap. */
export async function publishedPages(db: Database): Promise<{ slug: string; lastModified: string }[]> {
  const [rows, changes] = await Promise.all([
    db.select({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt }).from(articles).where(IS_PUBLISHED).orderBy(...NEWEST_FIRST).limit(SITEMAP_LIMIT),
    lastPublicChanges(db, IS_PUBLISHED),
  ]);
  return rows.map((row) => ({ slug: row.slug!, lastModified: updatedAfter(row.publishedAt!, changes.get(row.id)) ?? row.publishedAt!.toISOString() }));
}

/**
 * The topics readers can browse: those a published fact-check is filed under, each once (any case), as the
 * desk spells it on the latest publication, with when the newest of them was published. The sitemap's topic pages.
 */
export async function publishedTopics(db: Database): Promise<{ name: string; lastPublished: string }[]> {
  const rows = rowsOf<{ name: string; last: string | Date }>(
    await db.execute(sql`
      select distinct on (lower(t.name)) t.name as "name", max(a.published_at) over (partition by lower(t.name)) as "last"
      from ${articleTopics} t join ${articles} a on a.id = t.article_id
      where a.published_at is not null
      order by lower(t.name), a.published_at desc, a.id desc
      limit ${SITEMAP_LIMIT}`),
  );
  return rows.map((row) => ({ name: row.name, lastPublished: new Date(row.last).toISOString() }));
}

/** A claim as the feed and a fact-check's embed tell it: the quote, who made it, the verdict and why. */
export type FeedClaim = { id: string; quote: string; claimant: Claimant | null; verdict: Verdict | null; explanation: string };

/** The claims each of these articles' public pages shows, in reading order. */
export async function publishedClaimsOf(db: Database, articleIds: string[]): Promise<Map<string, FeedClaim[]>> {
  const byArticle = new Map<string, FeedClaim[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({ articleId: annotations.articleId, id: annotations.id, quote: annotations.quote, verdict: annotations.verdict, explanation: annotations.explanation, ...claimantSelection })
    .from(annotations)
    .where(and(inArray(annotations.articleId, articleIds), SHOWN_IN_PUBLIC))
    .orderBy(asc(annotations.articleId), asc(annotations.startOffset), asc(annotations.endOffset), asc(annotations.createdAt));
  for (const row of rows) {
    const claim: FeedClaim = { id: row.id, quote: row.quote, claimant: claimantOf(row), verdict: row.verdict, explanation: row.explanation };
    byArticle.set(row.articleId, [...(byArticle.get(row.articleId) ?? []), claim]);
  }
  return byArticle;
}

/** A claim the index lists under a fact-check when it is asked for one claimant's claims. */
export type ClaimantClaim = { id: string; quote: string; verdict: Verdict | null };

/** The claims by `claimant` (the whole name, any case) that each of these articles' public pages shows, in reading order. */
export async function claimsByClaimant(db: Database, articleIds: string[], claimant: string): Promise<Map<string, ClaimantClaim[]>> {
  const byArticle = new Map<string, ClaimantClaim[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await db
    .select({ articleId: annotations.articleId, id: annotations.id, quote: annotations.quote, verdict: annotations.verdict })
    .from(annotations)
    .where(and(inArray(annotations.articleId, articleIds), SHOWN_IN_PUBLIC, madeBy(claimant)))
    .orderBy(asc(annotations.articleId), asc(annotations.startOffset), asc(annotations.endOffset), asc(annotations.createdAt));
  for (const { articleId, ...claim } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), claim]);
  return byArticle;
}

/** How many claims of each verdict each article's public page shows. */
export async function verdictTallies(db: Database, articleIds: string[]): Promise<Map<string, VerdictCount[]>> {
  const rows = await db
    .select({ articleId: annotations.articleId, verdict: annotations.verdict, count: count() })
    .from(annotations)
    .where(and(inArray(annotations.articleId, articleIds), SHOWN_IN_PUBLIC))
    .groupBy(annotations.articleId, annotations.verdict);
  const byArticle = new Map<string, VerdictCount[]>();
  for (const { articleId, verdict, count } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), { verdict, count }]);
  for (const [articleId, tally] of byArticle) byArticle.set(articleId, inVerdictOrder(tally));
  return byArticle;
}

/** "3 claims checked: 2 false, 1 mostly true": a tally in words, for a summary or a screen reader. */
export function describeTally(tally: VerdictCount[]): string {
  const claims = tally.reduce((sum, each) => sum + each.count, 0);
  if (claims === 0) return "No claim checked yet";
  const parts = tally.map((each) => `${each.count} ${each.verdict ? VERDICT_LABELS[each.verdict].toLowerCase() : "without a verdict"}`);
  return `${claims} ${claims === 1 ? "claim" : "claims"} checked: ${parts.join(", ")}`;
}
