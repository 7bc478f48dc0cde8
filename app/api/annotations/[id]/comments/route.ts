import { addComment, listComments } from "@/lib/comments/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** The claim's discussion, as threads. */
export const GET = apiRoute<{ id: string }>(async ({ db, actor, params }) => ({ threads: await listComments(db, actor, params.id) }), {
  noun: "annotation",
});

/** Adds a comment or a reply: `{body, parentId?, mentions?: [userId]}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ comment: await addComment(db, actor, params.id, await readJsonBody(request)) }),
  { status: 201, noun: "annotation" },
);
