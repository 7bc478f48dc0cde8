import { previewWebPage } from "@/lib/articles/import/web-page/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { mayImportArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";

/**
 * Fetches the article at a web address, JSON `{ url, article? }` (editors and admins), and answers what an
 * import of it would hold, `{ page: { url, originalUrl, title, byline, publishedOn, siteName, format, content,
 * words, paragraphs, opening, ending, comparison? } }`, for an import of `format` and `content` with those
 * details; `comparison` (`{ from, to, changes }`) with `article`: how it differs from that article's text.
 */
export const POST = apiRoute(async ({ db, actor, request }) => {
  // Refused before the body is read; the service checks again.
  enforce(mayImportArticle(actor), actor);
  return { page: await previewWebPage(actor, await readJsonBody(request, 16 * 1024), undefined, db) };
});
