import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { NotFound } from "@/lib/errors";
import { mayPublishArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { tellSummaryChanged } from "@/lib/webhooks/desk-events";
import { MAX_SUMMARY_LENGTH } from "./summary-length";

const summarySchema = z.strictObject({
  summary: z
    .string("must be text")
    .trim()
    .max(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH.toLocaleString("en")} characters`)
    // Blank lines between paragraphs are kept, one of them: more would only stretch the page.
    .transform((summary) => summary.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n")),
});

/** The summary readers see under the public page's title, or null; for anyone on the desk. */
export async function readPublicSummary(db: Database, actor: Actor | null, articleId: string): Promise<{ summary: string | null }> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db.select({ summary: articles.publicSummary }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return { summary: article.summary };
}

/**
 * Writes, changes or (with `summary: ""`) removes the fact-check's summary for readers (`{summary}`,
 * plain text). Editors and admins; audited; on a published article, its page's "Updated" moves and
 * webhooks hear of it.
 */
export async function setPublicSummary(db: Database, actor: Actor | null, articleId: string, input: unknown): Promise<{ summary: string | null }> {
  enforce(mayPublishArticle(actor), actor);
  const summary = parseInput(summarySchema, input).summary || null;
  return db.transaction(async (tx) => {
    const [article] = await tx.select({ summary: articles.publicSummary }).from(articles).where(eq(articles.id, articleId)).for("update");
    if (!article) throw new NotFound(`No article with id ${articleId}.`);
    if (article.summary === summary) return { summary };
    await tx.update(articles).set({ publicSummary: summary, summaryUpdatedAt: sql`now()` }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "updated", before: { publicSummary: article.summary }, after: { publicSummary: summary } });
    await tellSummaryChanged(tx, articleId);
    return { summary };
  });
}
