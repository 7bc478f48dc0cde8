import { confirmPlacement } from "@/lib/annotations/placement";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Confirms a "check placement" annotation as seen in article revision `revision`: `{version, revision}`. */
export const POST = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({
    annotation: await confirmPlacement(db, actor, params.id, await readJsonBody(request)),
  }),
  { noun: "annotation" },
);
