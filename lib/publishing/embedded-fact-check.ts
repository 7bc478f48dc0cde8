import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import type { VerdictCount } from "@/lib/annotations/verdicts";
import { lastCorrectionsOf } from "./public-changes";
import { publishedClaimsOf, verdictTallies, type FeedClaim } from "./public-index";

/** A whole fact-check as its embed shows it: what the top of its public page says, and its claims' verdicts. */
export type EmbeddedFactCheck = {
  slug: string;
  title: string;
  byline: string | null;
  summary: string | null;
  verdicts: VerdictCount[];
  /** The claims its page shows, in reading order. */
  claims: FeedClaim[];
  /** When a rating on it was last changed or withdrawn (a correction), or null. */
  correctedAt: string | null;
};

/** The published fact-check at `slug`, as its embed shows it, or null when none is published there. */
export async function embeddedFactCheck(db: Database, slug: string): Promise<EmbeddedFactCheck | null> {
  const [article] = await db
    .select({ id: articles.id, title: articles.title, byline: articles.byline, summary: articles.publicSummary, publishedAt: articles.publishedAt, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNotNull(articles.publishedAt)));
  if (!article) return null;
  const [tallies, claims, corrections] = await Promise.all([
    verdictTallies(db, [article.id]),
    publishedClaimsOf(db, [article.id]),
    lastCorrectionsOf(db, [{ id: article.id, firstPublishedAt: article.firstPublishedAt ?? article.publishedAt! }]),
  ]);
  return {
    slug,
    title: article.title,
    byline: article.byline,
    summary: article.summary,
    verdicts: tallies.get(article.id) ?? [],
    claims: claims.get(article.id) ?? [],
    correctedAt: corrections.get(article.id) ?? null,
  };
}
