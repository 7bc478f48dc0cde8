import { getArticle } from "@/lib/articles/service";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ article: await getArticle(db, actor, params.id) }), {
  noun: "article",
});
