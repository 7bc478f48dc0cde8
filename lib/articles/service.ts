import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles, users } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

export type Article = {
  id: string;
  title: string;
  byline: string | null;
  originalUrl: string | null;
  publishedOn: string | null;
  doc: unknown;
  plainText: string;
  revision: number;
  annotationsStamp: number;
  /** When an editor archived it, and who; null while it is current. */
  archived: { at: string; by: string | null } | null;
};

export async function getArticle(db: Database, actor: Actor | null, id: string): Promise<Article> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db
    .select({
      id: articles.id,
      title: articles.title,
      byline: articles.byline,
      originalUrl: articles.originalUrl,
      publishedOn: articles.publishedOn,
      doc: articles.doc,
      plainText: articles.plainText,
      revision: articles.revision,
      annotationsStamp: articles.annotationsStamp,
      archivedAt: articles.archivedAt,
      archivedBy: users.name,
    })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.archivedBy))
    .where(eq(articles.id, id));
  if (!article) throw new NotFound(`No article with id ${id}.`);
  const { archivedAt, archivedBy, ...rest } = article;
  return { ...rest, archived: archivedAt ? { at: archivedAt.toISOString(), by: archivedBy } : null };
}
