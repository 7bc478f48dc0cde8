import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { NotFound } from "@/lib/errors";
import { mayEditArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { tellDetailsChanged } from "@/lib/webhooks/desk-events";
import { ARTICLE_DETAIL_FIELDS, bylineField, originalUrlField, publishedOnField, titleField, type ArticleDetailField } from "./detail-fields";

/** An article's details: what its header, its public page and its ClaimReview say of the original. */
export type ArticleDetails = { title: string; byline: string | null; originalUrl: string | null; publishedOn: string | null };

const detailsSchema = z.strictObject({
  title: z.preprocess(
    (value) => (typeof value === "string" ? value.replace(/\s+/g, " ") : value),
    titleField.min(1, "is required"),
  ),
  byline: bylineField,
  originalUrl: originalUrlField,
  publishedOn: publishedOnField,
});

const detailColumns = { title: articles.title, byline: articles.byline, originalUrl: articles.originalUrl, publishedOn: articles.publishedOn };

/**
 * Sets the article's title, byline, the original's address and the day it was published (`{title,
 * byline?, originalUrl?, publishedOn?}`; a blank or absent optional detail is removed). Editors and
 * admins, as they edit its text. Audited with the details it changed; on a published article the
 * public page's "Updated" moves and webhooks hear of it. Its public address stays: links to it survive.
 */
export async function updateArticleDetails(db: Database, actor: Actor | null, articleId: string, input: unknown): Promise<{ details: ArticleDetails }> {
  enforce(mayEditArticle(actor), actor);
  const parsed = parseInput(detailsSchema, input);
  const details: ArticleDetails = {
    title: parsed.title,
    byline: parsed.byline ?? null,
    originalUrl: parsed.originalUrl ?? null,
    publishedOn: parsed.publishedOn ?? null,
  };
  return db.transaction(async (tx) => {
    const [current] = await tx.select(detailColumns).from(articles).where(eq(articles.id, articleId)).for("update");
    if (!current) throw new NotFound(`No article with id ${articleId}.`);
    const changed: ArticleDetailField[] = ARTICLE_DETAIL_FIELDS.filter((field) => current[field] !== details[field]);
    if (changed.length === 0) return { details };
    const pick = (values: ArticleDetails) => Object.fromEntries(changed.map((field) => [field, values[field]]));
    await tx.update(articles).set({ ...details, detailsUpdatedAt: sql`now()` }).where(eq(articles.id, articleId));
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "updated", before: pick(current), after: pick(details) });
    await tellDetailsChanged(tx, articleId, changed);
    return { details };
  });
}
