import { annotationListBody } from "@/lib/annotations/list-body";
import { createAnnotation } from "@/lib/annotations/service";
import { annotationsCsv } from "@/lib/exports/annotations-csv";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { w3cListing, w3cPageOfUrl } from "@/lib/interop/w3c/collection";
import { W3C_MEDIA_TYPE } from "@/lib/interop/w3c/export";
import { newsroomConfig } from "@/lib/newsroom/config";

/** What the client asked for: the W3C model (its Accept header, or `?format=w3c` for a link), CSV (`?format=csv`), else the app's JSON. */
function formatOf(request: Request, url: URL): "w3c" | "csv" | "json" {
  const format = url.searchParams.get("format");
  if (format === "w3c" || format === "csv") return format;
  return /application\/ld\+json/i.test(request.headers.get("accept") ?? "") ? "w3c" : "json";
}

function notModified(request: Request, headers: Record<string, string>): Response | null {
  return request.headers.get("if-none-match") === headers.ETag ? new Response(null, { status: 304, headers }) : null;
}

/**
 * The article's annotations in document order, as the app's JSON, a W3C AnnotationCollection (paged
 * with `?page=N`) or CSV. `ETag` and `If-None-Match` spare re-sending an unchanged list.
 */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    const url = new URL(request.url);
    const format = formatOf(request, url);
    if (format === "csv") {
      const { filename, csv } = await annotationsCsv(db, actor, params.id);
      return new Response(csv, {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" },
      });
    }
    if (format === "w3c") {
      // `?format=w3c` is the download link: one file with every page embedded.
      const download = url.searchParams.get("format") === "w3c";
      const listing = await w3cListing(db, actor, params.id, { page: w3cPageOfUrl(url), appUrl: newsroomConfig().appUrl, complete: download });
      const headers: Record<string, string> = { ETag: listing.etag, "Cache-Control": "private, no-cache", Vary: "Accept, Cookie", "Content-Type": W3C_MEDIA_TYPE };
      if (download) headers["Content-Disposition"] = `attachment; filename="annotations-${params.id}.jsonld"`;
      return notModified(request, headers) ?? new Response(await listing.render(), { headers });
    }
    const list = await annotationListBody(db, actor, params.id);
    const headers = { ETag: `"annotations-${list.stamp}"`, "Cache-Control": "private, no-cache", Vary: "Accept, Cookie", "Content-Type": "application/json; charset=utf-8" };
    return notModified(request, headers) ?? new Response(list.json, { headers });
  },
  { noun: "article" },
);

export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await createAnnotation(db, actor, params.id, await readJsonBody(request)),
  }),
  { status: 201, noun: "article" },
);
