import { readImportRequest } from "@/lib/articles/import/request";
import { apiRoute } from "@/lib/http/route";
import { mayEditArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { importRevision } from "@/lib/revisions/import-version";

/**
 * Imports a newer version of the article as its next revision: JSON `{baseRevision, format, content}` or a
 * multipart upload with a `file` and `baseRevision`. Answers 201 `{revision, reanchored, orphaned, checkPlacement, restored}`.
 */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    // Refused before reading a body of up to 6 MB; the service checks again.
    enforce(mayEditArticle(actor), actor);
    return importRevision(db, actor, params.id, await readImportRequest(request, ["baseRevision"]));
  },
  { status: 201, noun: "article" },
);
