import type { Database } from "@/db/database";
import { articleRevisions, articles } from "@/db/schema";
import { documentFromPlainText, plainTextOf } from "./document";

/**
 * Stores a new article made of `text`, one paragraph per line, with that text as its stored
 * revision 1, in one transaction. `createdBy` is the user it is recorded as revision 1's author, if any.
 */
export async function createArticleFromText(
  db: Database,
  article: { title: string; text: string; byline?: string; originalUrl?: string; publishedOn?: string; createdBy?: string },
): Promise<{ id: string }> {
  const node = documentFromPlainText(article.text);
  const [doc, plainText] = [node.toJSON(), plainTextOf(node)];
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(articles)
      .values({
        title: article.title,
        byline: article.byline ?? null,
        originalUrl: article.originalUrl ?? null,
        publishedOn: article.publishedOn ?? null,
        doc,
        plainText,
        revision: 1,
      })
      .returning({ id: articles.id });
    await tx.insert(articleRevisions).values({ articleId: created!.id, revision: 1, doc, plainText, createdBy: article.createdBy ?? null });
    return created!;
  });
}
