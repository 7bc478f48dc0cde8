import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { changeStatus } from "@/lib/reviews/service";

/** Moves the annotation along the review workflow: `{to, comment?, version}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await changeStatus(db, actor, params.id, await readJsonBody(request)),
  }),
  { noun: "annotation" },
);
