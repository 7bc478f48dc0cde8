import { setArticleTopics } from "@/lib/articles/topics";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Files the article under `{topics}` (a list, in order): editors and admins; answers the topics as the desk spells them. */
export const PUT = apiRoute<{ id: string }>(async ({ db, actor, params, request }) => setArticleTopics(db, actor, params.id, await readJsonBody(request)), {
  noun: "article",
});
