import type { Node } from "prosemirror-model";
import type { Database } from "@/db/database";
import { articleRevisions, articles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { documentFromPlainText, plainTextOf } from "./document";

export type NewArticle = {
  title: string;
  doc: Node;
  byline?: string;
  originalUrl?: string;
  publishedOn?: string;
  /** Revision 1's author; none for a seeded or imported article, which nobody typed here. */
  createdBy?: string;
  /** Who added the article, for the audit trail; none for the seeded demo article. */
  addedBy?: string;
};

/** Stores a new article made of `doc`, with `doc` as its stored revision 1, in one transaction. */
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
    await tx.insert(articleRevisions).values({ articleId: created!.id, revision: 1, doc, plainText, createdBy: article.createdBy ?? null });
    await recordAudit(tx, {
      actorId: article.addedBy ?? null,
      subject: "article",
      subjectId: created!.id,
      articleId: created!.id,
      action: "created",
      after: { title: article.title, byline: article.byline ?? null, originalUrl: article.originalUrl ?? null, publishedOn: article.publishedOn ?? null, revision: 1, characters: plainText.length },
    });
    return created!;
  });
}

/** Stores a new article made of `text`, one paragraph per line. */
export function createArticleFromText(db: Database, article: Omit<NewArticle, "doc"> & { text: string }): Promise<{ id: string }> {
  const { text, ...rest } = article;
  return createArticleFromDocument(db, { ...rest, doc: documentFromPlainText(text) });
}
