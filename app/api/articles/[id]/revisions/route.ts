import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { MAX_DOC_BYTES } from "@/lib/revisions/input";
import { listRevisions, saveRevision } from "@/lib/revisions/service";

const article = { noun: "article" };

/** Every revision of the article, oldest first, without documents: `{revisions: [...]}`. */
export const GET = apiRoute<{ id: string }>(
  async ({ db, actor, params }) => ({ revisions: await listRevisions(db, actor, params.id) }),
  article,
);

/** Saves `{baseRevision, doc}` as the next revision and answers what became of the annotations (201); 409 when `baseRevision` is stale. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => saveRevision(db, actor, params.id, await readJsonBody(request, MAX_DOC_BYTES + 1024)),
  { ...article, status: 201 },
);
