import { resolveThread } from "@/lib/comments/service";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Resolves the thread this comment starts, or reopens it: `{resolved: true | false}`. */
export const PUT = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ comment: await resolveThread(db, actor, params.id, await readJsonBody(request)) }),
  { noun: "comment" },
);
