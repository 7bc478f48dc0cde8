import { reattachAnnotation } from "@/lib/annotations/placement";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Puts the annotation on a new selection of the current text: `{version, selectors}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await reattachAnnotation(db, actor, params.id, await readJsonBody(request)),
  }),
  { noun: "annotation" },
);
