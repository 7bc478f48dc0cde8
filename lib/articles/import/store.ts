import type { Node } from "prosemirror-model";
import type { Database } from "@/db/database";
import { articleRevisions, articles } from "@/db/schema";
import { plainTextOf } from "@/lib/articles/document";

export type NewArticle = { title: string; doc: Node; byline?: string; originalUrl?: string; publishedOn?: string };

/**
 * Stores a new article made of `doc` with its first revision, in one transaction. The revision has no
 * author: nobody typed it (see `articleRevisions.createdBy`).
 */
export async function createArticleFromDocument(db: Database, article: NewArticle): Promise<{ id: string }> {
  const doc = article.doc.toJSON();
  const plainText = plainTextOf(article.doc);
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
    await tx.insert(articleRevisions).values({ articleId: created!.id, revision: 1, doc, plainText });
    return created!;
  });
}
