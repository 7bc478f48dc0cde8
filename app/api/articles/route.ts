import { listArticles } from "@/lib/articles/service";
import { readImportRequest } from "@/lib/articles/import/request";
import { importArticle } from "@/lib/articles/import/service";
import { apiRoute } from "@/lib/http/route";
import { mayImportArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";

export const GET = apiRoute(async ({ db, actor }) => ({ articles: await listArticles(db, actor) }));

/** Imports a new article from JSON `{ format, content, ... }` or a multipart upload with a `file`; answers 201 `{ article: { id, title } }`. */
export const POST = apiRoute(
  async ({ db, actor, request }) => {
    // Refused before reading a body of up to 6 MB; the service checks again.
    enforce(mayImportArticle(actor), actor);
    return { article: await importArticle(db, actor, await readImportRequest(request)) };
  },
  { status: 201 },
);
