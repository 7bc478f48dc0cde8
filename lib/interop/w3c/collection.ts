import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { selectArticleAnnotations } from "@/lib/annotations/queries";
import { NotFound } from "@/lib/errors";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { isSafeHttpUrl } from "@/lib/urls";
import { parseInput } from "@/lib/validation";
import { pageCount, w3cCollectionOf, w3cCompleteCollectionOf, w3cStandalonePageOf, type W3cContext } from "./export";

/** `?page=` of a W3C listing: absent for the collection, else a page number from 1. */
export const w3cPageParamSchema = z.strictObject({
  page: z.coerce.number({ error: "must be a page number, a whole number from 1" }).int("must be a whole number").min(1, "must be at least 1").optional(),
});

/** A W3C listing, versioned by the article's annotations stamp so an unchanged one is never re-sent. */
export type W3cListing = { etag: string; render(): Promise<string> };

/**
 * The article's annotations as a W3C AnnotationCollection (`page` absent) or one of its
 * AnnotationPages; `complete`, for a download, embeds every page in the collection. The target is the article's original URL when recorded, else its page here.
 * Rendering waits until the caller knows the client's copy (its ETag) is stale.
 */
export async function w3cListing(
  db: Database,
  actor: Actor | null,
  articleId: string,
  options: { page?: number; appUrl: string; complete?: boolean },
): Promise<W3cListing> {
  enforce(mayViewAnnotations(actor), actor);
  const [article] = await db
    .select({ title: articles.title, originalUrl: articles.originalUrl, stamp: articles.annotationsStamp })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const context: W3cContext = {
    appUrl: options.appUrl,
    articleId,
    title: article.title,
    targetSource: article.originalUrl && isSafeHttpUrl(article.originalUrl) ? article.originalUrl : `${options.appUrl}/articles/${articleId}`,
  };
  const page = options.page;
  return {
    etag: `"w3c-${article.stamp}-${page ?? (options.complete ? "complete" : "collection")}"`,
    async render() {
      const annotations = await selectArticleAnnotations(db, articleId);
      if (page === undefined) return JSON.stringify((options.complete ? w3cCompleteCollectionOf : w3cCollectionOf)(annotations, context));
      if (page > pageCount(annotations.length)) throw new NotFound(`No page ${page}: the collection has ${pageCount(annotations.length)}.`);
      return JSON.stringify(w3cStandalonePageOf(annotations, page, context));
    },
  };
}

/** The page parameter of `url`, checked. */
export function w3cPageOfUrl(url: URL): number | undefined {
  const page = url.searchParams.get("page");
  return parseInput(w3cPageParamSchema, page === null ? {} : { page }).page;
}
