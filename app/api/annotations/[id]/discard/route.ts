import { discardAnnotation } from "@/lib/annotations/placement";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Discards an orphaned annotation, keeping it with its history: `{version}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await discardAnnotation(db, actor, params.id, await readJsonBody(request)),
  }),
  { noun: "annotation" },
);
