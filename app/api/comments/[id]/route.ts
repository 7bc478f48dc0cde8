import { deleteComment, editComment } from "@/lib/comments/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Changes one's own comment: `{body, mentions?}`. */
export const PATCH = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ comment: await editComment(db, actor, params.id, await readJsonBody(request)) }),
  { noun: "comment" },
);

/** Deletes one's own comment, leaving a placeholder in the thread. */
export const DELETE = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ comment: await deleteComment(db, actor, params.id) }), {
  noun: "comment",
});
