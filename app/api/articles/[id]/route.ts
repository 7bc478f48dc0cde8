import { deleteArticle } from "@/lib/articles/archive";
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

/** Deletes an article imported by mistake (editors): 204; 409 once it was published or has had a claim (archive it instead). */
export const DELETE = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => {
    await deleteArticle(db, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { noun: "article" },
);
