import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import type { VerdictCount } from "@/lib/annotations/verdicts";
import { verdictTallies } from "./public-index";

/** What the picture a link to a public page shows on social media and in chats holds. */
export type ShareCard = { title: string; byline: string | null; verdicts: VerdictCount[] };

/** The share card of the published article at `slug`, or null when none is published there. */
export async function shareCardOf(db: Database, slug: string): Promise<ShareCard | null> {
  const [article] = await db
    .select({ id: articles.id, title: articles.title, byline: articles.byline })
    .from(articles)
    .where(and(eq(articles.slug, slug), isNotNull(articles.publishedAt)));
  if (!article) return null;
  const tallies = await verdictTallies(db, [article.id]);
  return { title: article.title, byline: article.byline, verdicts: tallies.get(article.id) ?? [] };
}
