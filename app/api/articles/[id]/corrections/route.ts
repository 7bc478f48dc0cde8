import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { listClaimChanges, setCorrectionNote } from "@/lib/publishing/correction-notes";

/** The changes to claims the article's public page tells readers of, newest first, each with its note to readers. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ changes: await listClaimChanges(db, actor, params.id) }), { noun: "article" });

/** Writes, changes or (with `note: ""`) removes the note to readers on the change `event` (editors). */
export const PUT = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ change: await setCorrectionNote(db, actor, params.id, await readJsonBody(request)) }),
  { noun: "article" },
);
