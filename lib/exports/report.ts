import type { Database } from "@/db/database";
import { selectAnnotationDetail, selectArticleAnnotations } from "@/lib/annotations/queries";
import type { AnnotationDetail } from "@/lib/annotations/record";
import { getArticle, type Article } from "@/lib/articles/service";
import { topicsOf } from "@/lib/articles/topics";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/** The whole fact-check of an article as the desk sees it: the topics it is filed under, and every claim not discarded, numbered in reading order (orphans last), with its history. */
export type FactCheckReport = { article: Article; topics: string[]; claims: (AnnotationDetail & { number: number })[] };

export async function factCheckReport(db: Database, actor: Actor | null, articleId: string): Promise<FactCheckReport> {
  enforce(mayViewAnnotations(actor), actor);
  const article = await getArticle(db, actor, articleId);
  const [listed, topics] = await Promise.all([selectArticleAnnotations(db, articleId), topicsOf(db, articleId)]);
  const details = await Promise.all(listed.map((annotation) => selectAnnotationDetail(db, annotation.id)));
  return {
    article,
    topics,
    claims: details.flatMap((detail, index) => (detail ? [{ ...detail, number: index + 1 }] : [])),
  };
}
