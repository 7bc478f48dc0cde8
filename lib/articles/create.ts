import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { documentFromPlainText, plainTextOf } from "./document";

/** Stores a new article made of `text`, one paragraph per line. */
export async function createArticleFromText(
  db: Database,
  article: { title: string; text: string; byline?: string; originalUrl?: string; publishedOn?: string },
): Promise<{ id: string }> {
  const doc = documentFromPlainText(article.text);
  const [created] = await db
    .insert(articles)
    .values({
      title: article.title,
      byline: article.byline ?? null,
      originalUrl: article.originalUrl ?? null,
      publishedOn: article.publishedOn ?? null,
      doc: doc.toJSON(),
      plainText: plainTextOf(doc),
    })
    .returning({ id: articles.id });
  return created!;
}
