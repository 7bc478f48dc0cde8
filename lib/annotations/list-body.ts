import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { cachedList, storeList, type CachedList } from "./list-cache";
import { selectArticleAnnotations } from "./queries";

/**
 * The article's annotations as the API sends them (`{"annotations": [...]}`), with
 * the stamp that versions them. Serialized once per stamp: readers of an unchanged article share one copy.
 */
export async function annotationListBody(db: Database, actor: Actor | null, articleId: string): Promise<CachedList> {
  enforce(mayViewAnnotations(actor), actor);
  const [article] = await db.select({ stamp: articles.annotationsStamp }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  return (
    cachedList(articleId, article.stamp) ??
    storeList(articleId, article.stamp, JSON.stringify({ annotations: await selectArticleAnnotations(db, articleId) }))
  );
}
