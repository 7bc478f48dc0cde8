import { assignAnnotation } from "@/lib/annotations/assignment";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";

/** Assigns the claim: `{assigneeId: id | null, dueOn?: "YYYY-MM-DD" | null}`. */
export const PUT = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ annotation: await assignAnnotation(db, actor, params.id, await readJsonBody(request)) }),
  { noun: "annotation" },
);
