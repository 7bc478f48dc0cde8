import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { parseRevisionNumber } from "@/lib/revisions/input";
import { restoreRevision } from "@/lib/revisions/service";

/** Restores the text of this older revision as the next one, `{baseRevision}`: answers 201 like a save; 409 when `baseRevision` is stale. */
export const POST = apiRoute<{ id: string; revision: string }>(
  async ({ db, actor, params, request }) => restoreRevision(db, actor, params.id, parseRevisionNumber(params.revision), await readJsonBody(request)),
  { noun: "article", status: 201 },
);
