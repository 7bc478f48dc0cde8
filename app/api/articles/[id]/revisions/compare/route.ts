import { apiRoute } from "@/lib/http/route";
import { parseComparison } from "@/lib/revisions/input";
import { compareRevisions } from "@/lib/revisions/service";

/** What revision `to` inserted and deleted relative to revision `from`: `?from=1&to=2` → `{from, to, changes: [{type, text}]}`. */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => {
    const { from, to } = parseComparison(new URL(request.url).searchParams);
    return compareRevisions(db, actor, params.id, from, to);
  },
  { noun: "article" },
);
