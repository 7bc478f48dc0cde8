import { listArticles } from "@/lib/articles/service";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ db, actor }) => ({ articles: await listArticles(db, actor) }));
