import { readImportRequest } from "@/lib/articles/import/request";
import { importArticle } from "@/lib/articles/import/service";
import { listArticles } from "@/lib/articles/list";
import { apiRoute } from "@/lib/http/route";
import { mayImportArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";

/** A page of the articles, newest first: `?q=` words the title or byline must contain, `?topic=` a topic they are filed under, `?page=` from 1. */
export const GET = apiRoute(async ({ db, actor, request }) => listArticles(db, actor, Object.fromEntries(new URL(request.url).searchParams)));

/** Imports a new article from JSON `{ format, content, ... }` or a multipart upload with a `file`; answers 201 `{ article: { id, title } }`. */
export const POST = apiRoute(
  async ({ db, actor, request }) => {
    // Refused before reading a body of up to 6 MB; the service checks again.
    enforce(mayImportArticle(actor), actor);
    return { article: await importArticle(db, actor, await readImportRequest(request)) };
  },
  { status: 201 },
);
