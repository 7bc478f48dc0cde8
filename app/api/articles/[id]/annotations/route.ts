import { annotationListBody } from "@/lib/annotations/list-body";
import { createAnnotation } from "@/lib/annotations/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** The article's annotations in document order; `ETag` and `If-None-Match` spare re-sending an unchanged list. */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    const list = await annotationListBody(db, actor, params.id);
    const headers = {
      ETag: `"annotations-${list.stamp}"`,
      "Cache-Control": "private, no-cache",
      Vary: "Cookie",
      "Content-Type": "application/json; charset=utf-8",
    };
    if (request.headers.get("if-none-match") === headers.ETag) return new Response(null, { status: 304, headers });
    return new Response(list.json, { headers });
  },
  { noun: "article" },
);

export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await createAnnotation(db, actor, params.id, await readJsonBody(request)),
  }),
  { status: 201, noun: "article" },
);
