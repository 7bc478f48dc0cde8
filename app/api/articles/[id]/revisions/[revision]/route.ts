import { apiRoute } from "@/lib/http/route";
import { parseRevisionNumber } from "@/lib/revisions/input";
import { getRevision } from "@/lib/revisions/service";

/** One revision with its document and plain text: `{revision: {...}}`. */
export const GET = apiRoute<{ id: string; revision: string }>(
  async ({ db, actor, params }) => ({ revision: await getRevision(db, actor, params.id, parseRevisionNumber(params.revision)) }),
  { noun: "article" },
);
