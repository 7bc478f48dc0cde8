import { getArticle } from "@/lib/articles/service";
import { updateArticleDetails } from "@/lib/articles/details";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ article: await getArticle(db, actor, params.id) }), {
  noun: "article",
});

/** The article's details (title, byline, the original's address, the day it was published): editors and admins. */
export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => updateArticleDetails(db, actor, params.id, await readJsonBody(request)), {
  noun: "article",
});
